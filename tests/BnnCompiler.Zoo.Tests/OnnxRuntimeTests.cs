using BnnCompiler.Core.Randomness;
using BnnCompiler.Onnx.Reference;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;

namespace BnnCompiler.Zoo.Tests;

/// <summary>The generated graphs are valid ONNX that ONNX Runtime loads and runs.</summary>
[Collection(ZooModelsCollection.Name)]
public sealed class OnnxRuntimeTests(ZooModels models)
{
    [Fact]
    public void Should_Run_BResNet18_On_A_Raw_Pixel_Image()
    {
        using var runner = new OrtRunner(models.Model("bresnet18").ToByteArray(), intraOpThreads: 2);
        Assert.Equal([1, 3, 224, 224], runner.InputShape);
        Assert.Equal(ImageNetZoo.OutputName, runner.OutputName);

        var first = runner.Run(RandomImage(1));
        var second = runner.Run(RandomImage(2));

        Assert.Equal(1000, first.Length);
        Assert.All(first, v => Assert.True(float.IsFinite(v)));
        Assert.All(second, v => Assert.True(float.IsFinite(v)));

        // The image reaches the logits: two images give different outputs. The classifier's input is
        // binarized (512 signs) and its weights are ±1, so logit − bias is an integer of the parity of 512.
        Assert.NotEqual(first, second);
        var bias = ModelInspector.Floats(models.Inspector("bresnet18").Initializer("fc.bias")!).ToArray();
        for (var i = 0; i < first.Length; i++)
        {
            var dot = first[i] - bias[i];
            Assert.Equal(Math.Round(dot), dot, 3);
            Assert.Equal(0, (int)Math.Round(dot) % 2);
            Assert.InRange(dot, -512, 512);
        }
    }

    [Theory]
    [InlineData("balexnet")]
    [InlineData("bresnet18")]
    [InlineData("bdensenet28")]
    public void Should_Keep_Every_Binarizer_Output_Mixed(string model)
    {
        // The seeded BatchNormalization statistics put each binarizer's threshold inside the range of its
        // input: on a random image, every binarized tensor holds both signs in fair measure.
        var graph = models.Model(model).Clone();
        var binarized = graph.Graph.Node.Where(n => n.OpType == "Where").Select(n => n.Output[0]).ToList();
        foreach (var name in binarized)
        {
            graph.Graph.Output.Add(new ValueInfoProto
            {
                Name = name,
                Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } },
            });
        }

        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL, IntraOpNumThreads = 2 };
        using var session = new InferenceSession(graph.ToByteArray(), options);
        var image = new DenseTensor<float>(RandomImage(3), [1, 3, 224, 224]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(ImageNetZoo.InputName, image)]);

        var logits = results.Single(r => r.Name == ImageNetZoo.OutputName).AsTensor<float>();
        Assert.Equal([1, 1000], logits.Dimensions.ToArray());
        Assert.All(logits, v => Assert.True(float.IsFinite(v)));
        Assert.Equal(ImageNetZoo.Describe(model).Layers.Count - 1, binarized.Count);
        foreach (var r in results.Where(r => r.Name != ImageNetZoo.OutputName))
        {
            var values = r.AsEnumerable<float>().ToArray();
            Assert.All(values, v => Assert.True(v is 1f or -1f));
            Assert.InRange(values.Count(v => v > 0) / (double)values.Length, 0.05, 0.95);
        }
    }

    private static float[] RandomImage(int seed)
    {
        var rng = SplitMix64.ForStream(seed, "test image");
        return Enumerable.Range(0, 3 * 224 * 224).Select(_ => (float)(rng.NextUInt64() % 256)).ToArray();
    }
}
