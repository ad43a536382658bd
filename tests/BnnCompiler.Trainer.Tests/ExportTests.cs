using BnnCompiler.Onnx.Reference;
using BnnCompiler.Data;
using BnnCompiler.Trainer.Export;
using BnnCompiler.Trainer.Model;
using BnnCompiler.Trainer.Training;
using Onnx;

namespace BnnCompiler.Trainer.Tests;

/// <summary>The two export dialects: the conventions the importer relies on, and ONNX Runtime as the judge.</summary>
public sealed class ExportTests
{
    private static readonly Dataset Train = DatasetCatalog.Load("mnist-train");
    private static readonly Dataset Heldout = DatasetCatalog.Load("mnist-heldout");

    private static Network Trained(string arch, int[] widths) => new BnnTrainer(new TrainOptions
    {
        Arch = arch,
        Widths = widths,
        Epochs = 1,
        BatchSize = 50,
        LearningRate = 5e-3f,
        Seed = 3,
        Limit = 500,
    }).Train(Train);

    private static float[] Initializer(ModelProto model, string name)
    {
        var t = model.Graph.Initializer.Single(i => i.Name == name);
        return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(t.RawData.Span).ToArray();
    }

    [Theory]
    [InlineData("mlp", new[] { 32 })]
    [InlineData("cnn", new[] { 4, 8, 16 })]
    [InlineData("rescnn", new[] { 4, 1, 1 })]
    public void Plain_dialect_follows_the_conventions(string arch, int[] widths)
    {
        var net = Trained(arch, widths);
        var model = ModelProto.Parser.ParseFrom(net.ToOnnx(Dialect.Plain));
        Assert.Equal(8, model.IrVersion);
        Assert.Equal(13, model.OpsetImport.Single().Version);
        Assert.Equal("", model.OpsetImport.Single().Domain);
        Assert.Contains(model.MetadataProps, p => p.Key == "bnnc.input_range" && p.Value == "0-255");
        var input = Assert.Single(model.Graph.Input);
        Assert.Equal("image", input.Name);
        Assert.Equal(new long[] { 1, 1, 28, 28 }, input.Type.TensorType.Shape.Dim.Select(d => d.DimValue));
        var output = Assert.Single(model.Graph.Output);
        Assert.Equal("logits", output.Name);
        Assert.Equal(new long[] { 1, 10 }, output.Type.TensorType.Shape.Dim.Select(d => d.DimValue));
        Assert.Equal("BatchNormalization", model.Graph.Node.Single(n => n.Output.Contains("logits")).OpType);
        Assert.DoesNotContain(model.Graph.Node, n => n.Domain != "");

        // Every Conv/Gemm weight is ±1, or ±α_c for the per-channel scaled layers of the residual net.
        foreach (var node in model.Graph.Node.Where(n => n.OpType is "Conv" or "Gemm"))
        {
            var w = Initializer(model, node.Input[1]);
            var rows = (int)model.Graph.Initializer.Single(i => i.Name == node.Input[1]).Dims[0];
            var fan = w.Length / rows;
            for (var r = 0; r < rows; r++)
            {
                var magnitude = MathF.Abs(w[r * fan]);
                Assert.All(w.AsSpan(r * fan, fan).ToArray(), v => Assert.Equal(magnitude, MathF.Abs(v)));
                if (arch != "rescnn" || node.Name is "conv0")
                {
                    Assert.Equal(1f, magnitude);
                }
            }
        }

        // The binarizer is Where(GreaterOrEqual(x, 0), 1, −1).
        var where = model.Graph.Node.First(n => n.OpType == "Where");
        Assert.Equal("GreaterOrEqual", model.Graph.Node.Single(n => n.Output.Contains(where.Input[0])).OpType);
        Assert.Equal([1f], Initializer(model, where.Input[1]));
        Assert.Equal([-1f], Initializer(model, where.Input[2]));
        if (arch == "rescnn")
        {
            Assert.Contains(model.Graph.Node, n => n.OpType == "Add");
            Assert.Contains(model.Graph.Node, n => n.OpType == "MaxPool");
        }
    }

    [Theory]
    [InlineData("mlp", new[] { 32 })]
    [InlineData("rescnn", new[] { 4, 1, 1 })]
    public void Qonnx_dialect_keeps_latent_weights_behind_BipolarQuant(string arch, int[] widths)
    {
        var net = Trained(arch, widths);
        var model = ModelProto.Parser.ParseFrom(net.ToOnnx(Dialect.Qonnx));
        Assert.Contains(model.OpsetImport, o => o.Domain == "qonnx.custom_op.general" && o.Version == 1);
        Assert.DoesNotContain(model.Graph.Node, n => n.OpType is "Where" or "GreaterOrEqual");
        var quants = model.Graph.Node.Where(n => n.OpType == "BipolarQuant").ToList();
        Assert.All(quants, q => Assert.Equal("qonnx.custom_op.general", q.Domain));
        foreach (var node in model.Graph.Node.Where(n => n.OpType is "Conv" or "Gemm"))
        {
            var quant = quants.Single(q => q.Output[0] == node.Input[1]);
            var latent = Initializer(model, quant.Input[0]);
            Assert.Contains(latent, v => MathF.Abs(v) != 1f);
            Assert.All(latent, v => Assert.InRange(v, -1f, 1f));
            var scale = model.Graph.Initializer.Single(i => i.Name == quant.Input[1]);
            var rows = model.Graph.Initializer.Single(i => i.Name == quant.Input[0]).Dims[0];
            if (arch == "rescnn" && node.Name != "conv0")
            {
                Assert.Equal(rows, scale.Dims[0]);
                Assert.All(scale.Dims.Skip(1), d => Assert.Equal(1, d));
            }
            else
            {
                Assert.Empty(scale.Dims);
                Assert.Equal([1f], Initializer(model, scale.Name));
            }
        }

        var lowered = CustomOpLowering.Lower(model);
        Assert.DoesNotContain(lowered.Graph.Node, n => n.Domain != "");
        Assert.DoesNotContain(lowered.OpsetImport, o => o.Domain != "");
    }

    [Theory]
    [InlineData("mlp", new[] { 64 })]
    [InlineData("cnn", new[] { 4, 8, 16 })]
    public void Onnx_runtime_computes_bit_identical_logits_to_the_trainer_in_both_dialects(string arch, int[] widths)
    {
        var net = Trained(arch, widths);
        const int count = 300;
        var trainer = BnnTrainer.Logits(net, Heldout, count);
        var plain = OrtCheck.Logits(net.ToOnnx(Dialect.Plain), Heldout, count);
        var qonnx = OrtCheck.Logits(net.ToOnnx(Dialect.Qonnx), Heldout, count);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(trainer.AsSpan(i * 10, 10).ToArray(), plain[i]);
            Assert.Equal(plain[i], qonnx[i]);
        }
    }

    [Fact]
    public void Residual_net_with_alpha_gives_identical_predictions_in_both_dialects()
    {
        var net = Trained("rescnn", [8, 1, 1]);
        var trainer = BnnTrainer.Predict(net, Heldout, 500);
        var plain = OrtCheck.Predict(net.ToOnnx(Dialect.Plain), Heldout, 500);
        var qonnx = OrtCheck.Predict(net.ToOnnx(Dialect.Qonnx), Heldout, 500);
        Assert.Equal(plain, qonnx);

        // α-scaled sums are rounded in a different order by ONNX Runtime; a rare near-tie may differ.
        Assert.True(trainer.Zip(plain).Count(p => p.First != p.Second) <= 5);
    }

    [Fact]
    public void Qonnx_export_loads_back_into_the_same_network()
    {
        var net = Trained("rescnn", [4, 1, 1]);
        var copy = Architectures.Build("rescnn", [4, 1, 1], new Numerics.Rng(99));
        QonnxLoader.LoadInto(copy, net.ToOnnx(Dialect.Qonnx));
        copy.Root.PrepareWeights();
        Assert.Equal(BnnTrainer.Logits(net, Heldout, 100), BnnTrainer.Logits(copy, Heldout, 100));
        Assert.Equal(net.ToOnnx(Dialect.Plain), copy.ToOnnx(Dialect.Plain));
    }
}
