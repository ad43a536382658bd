using System.Runtime.InteropServices;
using Onnx;

namespace BnnCompiler.Zoo.Tests;

/// <summary>
/// Reads a generated ModelProto independently of the generator: infers every tensor's shape node by node,
/// lists the weight layers (Conv, Gemm) with the shapes they see, and counts parameters as Larq Zoo does.
/// </summary>
internal sealed class ModelInspector
{
    private readonly Dictionary<string, TensorProto> _initializers;
    private readonly Dictionary<string, long[]> _shapes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NodeProto> _producers = new(StringComparer.Ordinal);

    public ModelInspector(ModelProto model)
    {
        Model = model;
        _initializers = model.Graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var input in model.Graph.Input)
        {
            _shapes[input.Name] = input.Type.TensorType.Shape.Dim.Select(d => d.DimValue).ToArray();
        }

        foreach (var node in model.Graph.Node)
        {
            foreach (var output in node.Output)
            {
                _producers[output] = node;
            }

            _shapes[node.Output[0]] = Infer(node);
        }
    }

    public ModelProto Model { get; }

    public List<InspectedLayer> Layers { get; } = [];

    public long[] ShapeOf(string tensor) => _shapes[tensor];

    public NodeProto? Producer(string tensor) => _producers.GetValueOrDefault(tensor);

    public TensorProto? Initializer(string name) => _initializers.GetValueOrDefault(name);

    public static ReadOnlySpan<float> Floats(TensorProto t)
    {
        Assert.Equal((int)TensorProto.Types.DataType.Float, t.DataType);
        return t.RawData.Length > 0 ? MemoryMarshal.Cast<byte, float>(t.RawData.Span) : t.FloatData.ToArray();
    }

    public static long Count(TensorProto t) => t.Dims.Aggregate(1L, (a, d) => a * d);

    /// <summary>
    /// Larq's count: conv/dense weights, dense bias, and per BatchNormalization β, moving mean, moving
    /// variance, plus γ unless it is identically 1 (Keras scale=False).
    /// </summary>
    public (long Weights, long BatchNorm, long Bias) CountParameters()
    {
        long weights = 0, batchNorm = 0, bias = 0;
        foreach (var node in Model.Graph.Node)
        {
            switch (node.OpType)
            {
                case "Conv":
                    weights += Count(_initializers[node.Input[1]]);
                    break;
                case "Gemm":
                    weights += Count(_initializers[node.Input[1]]);
                    if (node.Input.Count > 2)
                    {
                        bias += Count(_initializers[node.Input[2]]);
                    }

                    break;
                case "BatchNormalization":
                    var gamma = _initializers[node.Input[1]];
                    var fixedScale = true;
                    foreach (var g in Floats(gamma))
                    {
                        fixedScale &= g == 1f;
                    }

                    batchNorm += (fixedScale ? 0 : Count(gamma)) + Count(_initializers[node.Input[2]])
                        + Count(_initializers[node.Input[3]]) + Count(_initializers[node.Input[4]]);
                    break;
            }
        }

        return (weights, batchNorm, bias);
    }

    private long[] Infer(NodeProto node)
    {
        long[] In(int i) => _shapes.TryGetValue(node.Input[i], out var s) ? s : _initializers[node.Input[i]].Dims.ToArray();
        long[] Ints(string name) => node.Attribute.Single(a => a.Name == name).Ints.ToArray();
        long Int(string name, long fallback) => node.Attribute.SingleOrDefault(a => a.Name == name)?.I ?? fallback;

        switch (node.OpType)
        {
            case "Conv":
            {
                var x = In(0);
                var w = _initializers[node.Input[1]].Dims.ToArray();
                var (k, s, p) = (Ints("kernel_shape"), Ints("strides"), Ints("pads"));
                Assert.Equal(w[2], k[0]);
                Assert.Equal(w[3], k[1]);
                Assert.Equal(x[1], w[1]);
                var outH = ((x[2] + p[0] + p[2] - k[0]) / s[0]) + 1;
                var outW = ((x[3] + p[1] + p[3] - k[1]) / s[1]) + 1;
                Layers.Add(new InspectedLayer(node.Name, "Conv", (int)w[1], (int)w[0], (int)k[0], (int)s[0],
                    (int)x[2], (int)x[3], (int)outH, (int)outW));
                return [x[0], w[0], outH, outW];
            }

            case "MaxPool":
            case "AveragePool":
            {
                var x = In(0);
                var (k, s, p) = (Ints("kernel_shape"), Ints("strides"), Ints("pads"));
                return [x[0], x[1], ((x[2] + p[0] + p[2] - k[0]) / s[0]) + 1, ((x[3] + p[1] + p[3] - k[1]) / s[1]) + 1];
            }

            case "GlobalAveragePool":
                return [In(0)[0], In(0)[1], 1, 1];
            case "BatchNormalization":
            case "Relu":
                return In(0);
            case "GreaterOrEqual":
            case "Where":
                return Enumerable.Range(0, node.Input.Count).Select(In).MaxBy(s => s.Length)!;
            case "Add":
                Assert.Equal(In(0), In(1));
                return In(0);
            case "Concat":
            {
                Assert.Equal(1, Int("axis", 0));
                var parts = Enumerable.Range(0, node.Input.Count).Select(In).ToList();
                Assert.All(parts, p => Assert.Equal(parts[0][2..], p[2..]));
                return [parts[0][0], parts.Sum(p => p[1]), parts[0][2], parts[0][3]];
            }

            case "Flatten":
            {
                Assert.Equal(1, Int("axis", 1));
                var x = In(0);
                return [x[0], x.Skip(1).Aggregate(1L, (a, d) => a * d)];
            }

            case "Gemm":
            {
                Assert.Equal(1, Int("transB", 0));
                var x = In(0);
                var w = _initializers[node.Input[1]].Dims.ToArray();
                Assert.Equal(x[1], w[1]);
                Layers.Add(new InspectedLayer(node.Name, "Gemm", (int)w[1], (int)w[0], 1, 1, 1, 1, 1, 1));
                return [x[0], w[0]];
            }

            default:
                throw new InvalidOperationException($"node '{node.Name}': op {node.OpType} is not expected in a zoo model");
        }
    }
}

internal sealed record InspectedLayer(string Name, string OpType, int InChannels, int OutChannels, int Kernel, int Stride,
    int InHeight, int InWidth, int OutHeight, int OutWidth)
{
    public long Macs => (long)OutHeight * OutWidth * InChannels * OutChannels * Kernel * Kernel;
}
