using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Core.Interpretation;
using BnnCompiler.Core.Ir;
using BnnCompiler.Onnx.Checking;
using Onnx;

namespace BnnCompiler.Onnx.Import;

/// <summary>
/// State of one import: the values defined so far (by ONNX name), the IR nodes emitted, and the ONNX node
/// being translated, so that every diagnostic can name it.
/// </summary>
internal sealed class ImportContext(string fileName, long opset, ModelLimits limits)
{
    private readonly Dictionary<string, IrValue> _values = new(StringComparer.Ordinal);
    private readonly List<IrNode> _nodes = [];
    private readonly List<Diagnostic> _warnings = [];

    public IReadOnlyList<Diagnostic> Warnings => _warnings;

    public void Warn(string code, string message) =>
        _warnings.Add(Diagnostic.Warning(code, message, new SourceLocation(FileName, Detail: NodeLabel)));

    public string FileName { get; } = fileName;

    /// <summary>The default-domain opset version.</summary>
    public long Opset { get; } = opset;

    public NodeProto Node { get; set; } = new();

    public IReadOnlyList<IrNode> Nodes => _nodes;

    public string NodeLabel => $"node '{(Node.Name.Length > 0 ? Node.Name : Node.Output.FirstOrDefault() ?? "?")}' ({Node.OpType})";

    public string Origin => $"{Node.OpType} '{(Node.Name.Length > 0 ? Node.Name : Node.Output.FirstOrDefault())}'";

    /// <summary>Every value defined so far, by ONNX name (constants included).</summary>
    public IReadOnlyDictionary<string, IrValue> Values => _values;

    public bool TryGet(string name, out IrValue value) => _values.TryGetValue(name, out value!);

    public void Bind(string name, IrValue value) => _values[name] = value;

    public DiagnosticException Error(string code, string message) =>
        new(Diagnostic.Error(code, message, new SourceLocation(FileName, Detail: NodeLabel)));

    public int InputCount => Node.Input.Count(n => n.Length > 0);

    public IrValue In(int index)
    {
        if (index >= Node.Input.Count || Node.Input[index].Length == 0)
        {
            throw Error("BNN3009", $"input {index} is required but not given");
        }

        return _values.TryGetValue(Node.Input[index], out var v)
            ? v
            : throw Error("BNN3006", $"input '{Node.Input[index]}' is neither a graph input, an initializer nor the output of an earlier node");
    }

    public IrValue? OptionalIn(int index) => index < Node.Input.Count && Node.Input[index].Length > 0 ? In(index) : null;

    /// <summary>An input that must be known at compile time (weights, shapes, scales).</summary>
    public float[] ConstIn(int index, string what)
    {
        var v = In(index);
        return v.Constant ?? throw Error("BNN3011", $"{what} (input '{v.Name}') must be a constant initializer; it is computed at run time");
    }

    public AttributeProto? Attr(string name) => Node.Attribute.FirstOrDefault(a => a.Name == name);

    public long Int(string name, long fallback) => Attr(name) is { } a ? a.I : fallback;

    public float Float(string name, float fallback) => Attr(name) is { } a ? a.F : fallback;

    public string Str(string name, string fallback) => Attr(name) is { } a ? a.S.ToStringUtf8() : fallback;

    public long[]? Ints(string name) => Attr(name)?.Ints.ToArray();

    /// <summary>A new value for output <paramref name="index"/> of the current node.</summary>
    public IrValue NewOutput(TensorShape shape, int index = 0) => new(Node.Output[index], Capped(shape));

    public void BindConstant(TensorShape shape, float[] data, int index = 0)
    {
        Capped(shape);
        ParameterChecks.RequireFinite(this, Node.Output[index], data);
        Bind(Node.Output[index], new IrValue(Node.Output[index], shape, data));
    }

    /// <summary>The shape, after checking that it holds no more elements than <c>--max-elements</c> allows.</summary>
    public TensorShape Capped(TensorShape shape) =>
        shape.ElementCount <= limits.MaxElements
            ? shape
            : throw Error(CheckCodes.Tensor, $"the output {shape} would hold {shape.ElementCount:N0} elements, above the cap of {limits.MaxElements:N0}; raise it with --max-elements");

    /// <summary>
    /// Adds a node, or, when all its inputs are constants, evaluates it now and binds its output as a
    /// constant (weights behind binarizers, transposes, shape arithmetic).
    /// </summary>
    public void Emit(IrNode node)
    {
        foreach (var o in node.Outputs)
        {
            Capped(o.Shape);
        }

        if (node.Inputs.All(v => v.IsConstant))
        {
            var data = NodeEvaluator.Evaluate(node, node.Inputs.Select(v => v.Constant!).ToList());
            ParameterChecks.RequireFinite(this, node.Output.Name, data);
            Bind(node.Output.Name, new IrValue(node.Output.Name, node.Output.Shape, data));
            return;
        }

        _nodes.Add(node);
        foreach (var o in node.Outputs)
        {
            Bind(o.Name, o);
        }
    }

    /// <summary>The index output of the classifier's decision head and its node's label, once one is translated.</summary>
    public (string Output, string Node)? Decision { get; private set; }

    /// <summary>Binds a decision head's index output to the scores it decides on (see <see cref="HeadTranslators"/>).</summary>
    public void Decide(string indexOutput, IrValue scores)
    {
        if (Decision is { } earlier)
        {
            throw Error("BNN3011", $"the model has a second decision head; the first is {earlier.Node}");
        }

        Decision = (indexOutput, NodeLabel);
        Bind(indexOutput, scores);
    }

    /// <summary>Makes the output an alias of an input (Identity, Dropout at inference).</summary>
    public void Alias(IrValue value) => Bind(Node.Output[0], value);

    /// <summary>Resolves a possibly negative axis against a rank.</summary>
    public int Axis(long axis, int rank)
    {
        var a = axis < 0 ? axis + rank : axis;
        return a < 0 || a >= rank ? throw Error("BNN3009", $"axis {axis} is out of range for rank {rank}") : (int)a;
    }
}
