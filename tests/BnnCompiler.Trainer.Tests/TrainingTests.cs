using BnnCompiler.Data;
using BnnCompiler.Trainer.Model;
using BnnCompiler.Trainer.Numerics;
using BnnCompiler.Trainer.Training;

namespace BnnCompiler.Trainer.Tests;

/// <summary>Short training runs on a subset of the MNIST split (seconds): the trainer learns and is deterministic.</summary>
public sealed class TrainingTests
{
    private static readonly Dataset Train = DatasetCatalog.Load("mnist-train");
    private static readonly Dataset Heldout = DatasetCatalog.Load("mnist-heldout");

    private static TrainOptions Small(string arch, int[] widths, ulong seed) => new()
    {
        Arch = arch,
        Widths = widths,
        Epochs = 2,
        BatchSize = 50,
        LearningRate = 5e-3f,
        Seed = seed,
        ShiftPixels = 1,
        Limit = 1500,
    };

    private static List<float[]> State(Network net) =>
        [.. net.Params().Select(p => p.Value.ToArray()), .. net.BatchNorms().SelectMany(b => new[] { b.RunningMean.ToArray(), b.RunningVar.ToArray() })];

    [Theory]
    [InlineData("mlp", new[] { 128 }, 0.75)]
    [InlineData("cnn", new[] { 8, 16, 32 }, 0.65)]
    [InlineData("rescnn", new[] { 8, 1, 1 }, 0.65)]
    public void Should_learn_well_above_chance_on_a_short_run(string arch, int[] widths, double minimum)
    {
        var net = new BnnTrainer(Small(arch, widths, 1)).Train(Train);
        var accuracy = BnnTrainer.Accuracy(net, Heldout);
        Assert.True(accuracy >= minimum, $"{arch}: held-out accuracy {accuracy:P2} after a short run, expected ≥ {minimum:P0} (chance is 10 %)");
    }

    [Theory]
    [InlineData("mlp", new[] { 64 })]
    [InlineData("rescnn", new[] { 4, 1, 1 })]
    public void Should_give_identical_weights_for_the_same_seed(string arch, int[] widths)
    {
        var options = Small(arch, widths, 42) with { Limit = 600, Epochs = 1 };
        var first = State(new BnnTrainer(options).Train(Train));
        var second = State(new BnnTrainer(options).Train(Train));
        Assert.Equal(first.Count, second.Count);
        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(first[i], second[i]);
        }

        var other = State(new BnnTrainer(options with { Seed = 43 }).Train(Train));
        Assert.NotEqual(first[0], other[0]);
    }

    [Fact]
    public void Should_not_depend_on_thread_timing_parallel_equals_sequential()
    {
        var options = Small("cnn", [4, 8, 16], 7) with { Limit = 400, Epochs = 1 };
        var parallel = State(new BnnTrainer(options).Train(Train));
        // Parts.Parallel is process-wide; other tests running meanwhile only get slower, never different.
        Parts.Parallel = false;
        List<float[]> sequential;
        try
        {
            sequential = State(new BnnTrainer(options).Train(Train));
        }
        finally
        {
            Parts.Parallel = true;
        }

        for (var i = 0; i < parallel.Count; i++)
        {
            Assert.Equal(parallel[i], sequential[i]);
        }
    }

    [Fact]
    public void Should_shift_and_mirror_images_with_zero_fill()
    {
        byte[] image = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        var output = new float[9];
        BnnTrainer.Augment(image, 3, 3, dx: 1, dy: 0, flip: false, output);
        Assert.Equal(new float[] { 0, 1, 2, 0, 4, 5, 0, 7, 8 }, output);
        BnnTrainer.Augment(image, 3, 3, dx: 0, dy: -1, flip: true, output);
        Assert.Equal(new float[] { 6, 5, 4, 9, 8, 7, 0, 0, 0 }, output);
    }
}
