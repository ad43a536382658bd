using Onnx;

namespace BnnCompiler.Zoo.Tests;

/// <summary>The generated ONNX graphs, read back independently of the generator.</summary>
[Collection(ZooModelsCollection.Name)]
public sealed class ModelProtoTests(ZooModels models)
{
    private const uint PlusOneBits = 0x3F800000u;
    private const uint MinusOneBits = 0xBF800000u;

    public static TheoryData<string, long, int> Models => new()
    {
        { "balexnet", 61_859_192, 8 },
        { "bresnet18", 11_699_368, 21 },
        { "bdensenet28", 5_150_504, 28 },
    };

    public static TheoryData<string> Names => new(ImageNetZoo.Names);

    [Theory]
    [MemberData(nameof(Models))]
    public void Should_Count_Larq_Zoo_Parameters_From_The_Graph(string model, long larqParameters, int _)
    {
        var inspector = models.Inspector(model);
        var (weights, batchNorm, bias) = inspector.CountParameters();
        var summary = ImageNetZoo.Describe(model);

        Assert.Equal(larqParameters, weights + batchNorm + bias);
        Assert.Equal((summary.ConvDenseWeights, summary.BatchNormParameters, summary.BiasParameters), (weights, batchNorm, bias));

        // Nothing escapes the count: every float initializer is a counted parameter, a fixed γ = 1, or one
        // of the binarizer's three scalar constants.
        var counted = models.Model(model).Graph.Node
            .Where(n => n.OpType is "Conv" or "Gemm" or "BatchNormalization")
            .SelectMany(n => n.Input.Skip(1))
            .ToHashSet(StringComparer.Ordinal);
        var others = models.Model(model).Graph.Initializer.Where(t => !counted.Contains(t.Name)).Select(t => t.Name).Order();
        Assert.Equal(["binarize.minus_one", "binarize.plus_one", "binarize.zero"], others);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Should_Hold_The_Described_Layers_With_Their_Shapes_And_Macs(string model, long _, int layerCount)
    {
        var found = models.Inspector(model).Layers;
        var described = ImageNetZoo.Describe(model).Layers;

        Assert.Equal(layerCount, found.Count);
        Assert.Equal(described.Select(l => l.Name), found.Select(l => l.Name));
        foreach (var (f, d) in found.Zip(described))
        {
            Assert.Equal(d.Kind == ZooLayerKind.Dense ? "Gemm" : "Conv", f.OpType);
            Assert.Equal((d.InChannels, d.OutChannels, d.Kernel, d.Stride), (f.InChannels, f.OutChannels, f.Kernel, f.Stride));
            Assert.Equal((d.InHeight, d.InWidth, d.OutHeight, d.OutWidth), (f.InHeight, f.InWidth, f.OutHeight, f.OutWidth));
            Assert.Equal(d.Macs, f.Macs);
        }

        Assert.Equal(ImageNetZoo.Describe(model).Macs, found.Sum(l => l.Macs));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Should_Store_Every_Weight_As_Exactly_Plus_Or_Minus_One(string model)
    {
        var inspector = models.Inspector(model);
        foreach (var node in models.Model(model).Graph.Node.Where(n => n.OpType is "Conv" or "Gemm"))
        {
            var weight = inspector.Initializer(node.Input[1])!;
            var bits = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(weight.RawData.Span);
            Assert.Equal(ModelInspector.Count(weight), bits.Length);
            long plus = 0;
            foreach (var b in bits)
            {
                if (b == PlusOneBits)
                {
                    plus++;
                }
                else if (b != MinusOneBits)
                {
                    Assert.Fail($"{node.Name}: weight bits 0x{b:X8} are not ±1");
                }
            }

            // Seeded signs are balanced: the count of +1 lies within 6 standard deviations (3·sqrt(n)) of n/2.
            var n = bits.Length;
            Assert.InRange(plus, (n / 2.0) - (3 * Math.Sqrt(n)) - 1, (n / 2.0) + (3 * Math.Sqrt(n)) + 1);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Should_Binarize_The_Input_Of_Every_Weight_Layer_But_The_First(string model)
    {
        var inspector = models.Inspector(model);
        var weightNodes = models.Model(model).Graph.Node.Where(n => n.OpType is "Conv" or "Gemm").ToList();
        Assert.Equal(ImageNetZoo.InputName, weightNodes[0].Input[0]);
        Assert.Equal("Conv", weightNodes[0].OpType);
        foreach (var node in weightNodes.Skip(1))
        {
            var where = inspector.Producer(node.Input[0]);
            Assert.True(where is { OpType: "Where" }, $"{node.Name}: input is not produced by Where");
            var ge = inspector.Producer(where!.Input[0]);
            Assert.True(ge is { OpType: "GreaterOrEqual" }, $"{node.Name}: Where's condition is not GreaterOrEqual");
            Assert.Equal([0f], Scalar(inspector, ge!.Input[1]));
            Assert.Equal([1f], Scalar(inspector, where.Input[1]));
            Assert.Equal([-1f], Scalar(inspector, where.Input[2]));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Should_Follow_The_Importer_Conventions(string model)
    {
        var m = models.Model(model);
        Assert.Equal(8, m.IrVersion);
        Assert.Equal(13, m.OpsetImport.Single(o => o.Domain == "").Version);
        Assert.Equal("0-255", m.MetadataProps.Single(p => p.Key == ImageNetZoo.InputRangeKey).Value);
        Assert.Equal(model, m.MetadataProps.Single(p => p.Key == "bnnc.zoo.model").Value);
        Assert.Equal(ZooModels.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            m.MetadataProps.Single(p => p.Key == "bnnc.zoo.seed").Value);

        var input = Assert.Single(m.Graph.Input);
        Assert.Equal(ImageNetZoo.InputName, input.Name);
        Assert.Equal((int)TensorProto.Types.DataType.Float, input.Type.TensorType.ElemType);
        Assert.Equal([1L, 3, 224, 224], input.Type.TensorType.Shape.Dim.Select(d => d.DimValue));

        var output = Assert.Single(m.Graph.Output);
        Assert.Equal(ImageNetZoo.OutputName, output.Name);
        Assert.Equal([1L, 1000], output.Type.TensorType.Shape.Dim.Select(d => d.DimValue));
        Assert.Equal([1L, 1000], models.Inspector(model).ShapeOf(ImageNetZoo.OutputName));
        Assert.Equal(ImageNetZoo.OutputName, m.Graph.Node[^1].Output[0]);

        var names = m.Graph.Node.Select(n => n.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("balexnet", false)]
    [InlineData("bresnet18", true)]
    [InlineData("bdensenet28", true)]
    public void Should_Draw_Batch_Norm_Parameters_As_Larq_Has_Them(string model, bool scaled)
    {
        var inspector = models.Inspector(model);
        var gammas = new List<float>();
        foreach (var node in models.Model(model).Graph.Node.Where(n => n.OpType == "BatchNormalization"))
        {
            var gamma = ModelInspector.Floats(inspector.Initializer(node.Input[1])!).ToArray();
            gammas.AddRange(gamma);
            Assert.All(ModelInspector.Floats(inspector.Initializer(node.Input[4])!).ToArray(), v => Assert.True(v > 0));
            Assert.All(ModelInspector.Floats(inspector.Initializer(node.Input[2])!).ToArray(), b => Assert.InRange(b, -0.5f, 0.5f));
        }

        if (scaled)
        {
            // Mostly positive, some negative, none exactly 1.
            var negative = gammas.Count(g => g < 0);
            Assert.InRange(negative, gammas.Count / 16, gammas.Count / 5);
            Assert.DoesNotContain(1f, gammas);
        }
        else
        {
            // Binary AlexNet's BatchNormalization(scale=False): γ is the constant 1.
            Assert.All(gammas, g => Assert.Equal(1f, g));
        }
    }

    private static float[] Scalar(ModelInspector inspector, string name)
    {
        var t = inspector.Initializer(name);
        Assert.NotNull(t);
        Assert.Empty(t.Dims);
        return ModelInspector.Floats(t).ToArray();
    }
}
