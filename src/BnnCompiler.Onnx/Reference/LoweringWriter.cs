using Google.Protobuf;
using Onnx;

namespace BnnCompiler.Onnx.Reference;

/// <summary>Emits the standard-ONNX nodes and constants that replace one custom node.</summary>
internal sealed class LoweringWriter(GraphProto graph, long opset, IReadOnlyDictionary<string, BnnCompiler.Core.Ir.TensorShape>? shapes)
{
    private readonly List<NodeProto> _emitted = [];
    private string _prefix = string.Empty;
    private int _counter;

    public IReadOnlyList<NodeProto> Emitted => _emitted;

    public void Begin(NodeProto node)
    {
        _emitted.Clear();
        _prefix = (node.Name.Length > 0 ? node.Name : node.Output[0]) + "_lowered";
    }

    public void Bipolar(string x, string scale, string output)
    {
        var zero = Constant([0f], []);
        var negative = Emit("Neg", [scale]);
        var less = Emit("Less", [x, zero]);
        Emit("Where", [less, negative, scale], output);
    }

    public void Quant(NodeProto node)
    {
        var bits = Attr(node, "signed")?.I ?? 1;
        var signed = bits != 0;
        var narrow = (Attr(node, "narrow")?.I ?? 0) != 0;
        var width = Init(node.Input[3])?.FirstOrDefault() ?? throw new InvalidOperationException("Quant bit width must be an initializer");
        if (width == 1 && signed)
        {
            Bipolar(node.Input[0], node.Input[1], node.Output[0]);
            return;
        }

        var n = (int)width;
        var qmin = signed ? -(1 << (n - 1)) + (narrow ? 1 : 0) : 0;
        var qmax = signed ? (1 << (n - 1)) - 1 : (1 << n) - 1 - (narrow ? 1 : 0);
        var rounding = Attr(node, "rounding_mode")?.S.ToStringUtf8().ToUpperInvariant() ?? "ROUND";
        var roundOp = rounding switch { "FLOOR" => "Floor", "CEIL" => "Ceil", _ => "Round" };
        var scaled = Emit("Add", [Emit("Div", [node.Input[0], node.Input[1]]), node.Input[2]]);
        var rounded = rounding == "ROUND_TO_ZERO"
            ? Emit("Mul", [Emit("Sign", [scaled]), Emit("Floor", [Emit("Abs", [scaled])])])
            : Emit(roundOp, [scaled]);
        var clipped = Emit("Clip", [rounded, Constant([qmin], []), Constant([qmax], [])]);
        Emit("Mul", [Emit("Sub", [clipped, node.Input[2]]), node.Input[1]], node.Output[0]);
    }

    public void MultiThreshold(NodeProto node)
    {
        var thresholds = Init(node.Input[1]) ?? throw new InvalidOperationException("MultiThreshold thresholds must be an initializer");
        var dims = graph.Initializer.First(t => t.Name == node.Input[1]).Dims.ToArray();
        var (channels, levels) = (dims[0], dims[1]);
        var rank = RankOf(node.Input[0]);
        // T' is [1, C, 1, …, 1, L] so that x[..., None] broadcasts against it.
        var shape = new List<long> { 1, channels };
        shape.AddRange(Enumerable.Repeat(1L, Math.Max(0, rank - 2)));
        shape.Add(levels);
        var t = Constant(thresholds, shape.ToArray());
        var expanded = Unsqueeze(node.Input[0], -1);
        var reached = Emit("Not", [Emit("Less", [expanded, t])]);
        var count = ReduceSumLast(Emit("Cast", [reached], attributes: [Int("to", 1)]));
        var scale = Attr(node, "out_scale")?.F ?? 1f;
        var bias = Attr(node, "out_bias")?.F ?? 0f;
        Emit("Add", [Emit("Mul", [count, Constant([scale], [])]), Constant([bias], [])], node.Output[0]);
    }

    private string Unsqueeze(string x, long axis) => opset >= 13
        ? Emit("Unsqueeze", [x, IntConstant([axis])])
        : Emit("Unsqueeze", [x], attributes: [Ints("axes", [axis])]);

    private string ReduceSumLast(string x) => opset >= 13
        ? Emit("ReduceSum", [x, IntConstant([-1])], attributes: [Int("keepdims", 0)])
        : Emit("ReduceSum", [x], attributes: [Ints("axes", [-1]), Int("keepdims", 0)]);

    private int RankOf(string value) =>
        shapes is not null && shapes.TryGetValue(value, out var shape) ? shape.Rank : graph.Input.Concat(graph.ValueInfo).FirstOrDefault(v => v.Name == value)?.Type?.TensorType?.Shape?.Dim.Count ?? 4;

    private float[]? Init(string name) =>
        graph.Initializer.FirstOrDefault(t => t.Name == name) is { } t ? Import.TensorData.Decode(t).Values : null;

    private static AttributeProto? Attr(NodeProto node, string name) => node.Attribute.FirstOrDefault(a => a.Name == name);

    private string Emit(string op, IReadOnlyList<string> inputs, string? output = null, IReadOnlyList<AttributeProto>? attributes = null)
    {
        var name = $"{_prefix}_{op}_{_counter++}";
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.AddRange(inputs);
        node.Output.Add(output ?? name + "_out");
        if (attributes is not null)
        {
            node.Attribute.AddRange(attributes);
        }

        _emitted.Add(node);
        return node.Output[0];
    }

    private string Constant(float[] values, long[] dims)
    {
        var name = $"{_prefix}_const_{_counter++}";
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        t.Dims.AddRange(dims);
        t.FloatData.AddRange(values);
        graph.Initializer.Add(t);
        return name;
    }

    private string IntConstant(long[] values)
    {
        var name = $"{_prefix}_axes_{_counter++}";
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        t.Dims.Add(values.Length);
        t.Int64Data.AddRange(values);
        graph.Initializer.Add(t);
        return name;
    }

    private static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    private static AttributeProto Ints(string name, long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }
}
