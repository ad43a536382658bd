using Google.Protobuf;
using Onnx;

namespace BnnCompiler.Onnx.Building;

/// <summary>
/// Writes ONNX models node by node: the trainer's exporters, the architecture generator and the tests
/// that build small models of every dialect all go through this one builder.
/// </summary>
/// <example>
/// <code>
/// var b = new OnnxModelBuilder("mlp", opset: 13);
/// var x = b.Input("x", [1, 784]);
/// var w = b.Initializer("w", [784, 10], weights);
/// var y = b.Node("MatMul", [x, w]);
/// b.Output(y, [1, 10]);
/// b.Save("mlp.onnx");
/// </code>
/// </example>
public sealed class OnnxModelBuilder
{
    private readonly ModelProto _model;
    private readonly GraphProto _graph;
    private readonly Dictionary<string, int> _nameCounts = new(StringComparer.Ordinal);

    public OnnxModelBuilder(string graphName, long opset = 13, long irVersion = 8)
    {
        _graph = new GraphProto { Name = graphName };
        _model = new ModelProto
        {
            IrVersion = irVersion,
            ProducerName = "bnnc",
            ProducerVersion = "0.1",
            Graph = _graph,
        };
        _model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
    }

    public ModelProto Model => _model;

    /// <summary>Declares an opset for a custom domain, e.g. <c>qonnx.custom_op.general</c>.</summary>
    public OnnxModelBuilder Opset(string domain, long version)
    {
        _model.OpsetImport.Add(new OperatorSetIdProto { Domain = domain, Version = version });
        return this;
    }

    /// <summary>Adds a key/value pair to the model's metadata_props.</summary>
    public OnnxModelBuilder Metadata(string key, string value)
    {
        _model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        return this;
    }

    /// <summary>Adds a quantization annotation, e.g. FINN's <c>finn_datatype = BIPOLAR</c> on a weight tensor.</summary>
    public OnnxModelBuilder Annotate(string tensor, string key, string value)
    {
        var annotation = new TensorAnnotation { TensorName = tensor };
        annotation.QuantParameterTensorNames.Add(new StringStringEntryProto { Key = key, Value = value });
        _graph.QuantizationAnnotation.Add(annotation);
        return this;
    }

    public string Input(string name, long[] shape)
    {
        _graph.Input.Add(ValueInfo(name, shape));
        return name;
    }

    public void Output(string name, long[] shape) => _graph.Output.Add(ValueInfo(name, shape));

    /// <summary>Adds a float32 initializer; optionally also lists it as a graph input (old exporters do).</summary>
    public string Initializer(string name, long[] shape, ReadOnlySpan<float> values, bool alsoGraphInput = false)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(shape);
        var bytes = new byte[values.Length * sizeof(float)];
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(values).CopyTo(bytes);
        tensor.RawData = ByteString.CopyFrom(bytes);
        _graph.Initializer.Add(tensor);
        if (alsoGraphInput)
        {
            _graph.Input.Add(ValueInfo(name, shape));
        }

        return name;
    }

    /// <summary>
    /// Adds a float32 initializer from bytes the caller has already laid out (four little-endian bytes per
    /// value, as ONNX raw_data stores them). The array is wrapped, not copied, so a tensor of tens of
    /// millions of values is held once rather than three times; the caller must not change it afterwards.
    /// </summary>
    public string InitializerFloat32Bytes(string name, long[] shape, byte[] littleEndianFloat32)
    {
        var count = shape.Aggregate(1L, (a, d) => a * d);
        if (littleEndianFloat32.LongLength != count * sizeof(float))
        {
            throw new ArgumentException(
                $"initializer '{name}': shape [{string.Join(",", shape)}] needs {count * sizeof(float)} bytes; got {littleEndianFloat32.LongLength}");
        }

        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(shape);
        tensor.RawData = UnsafeByteOperations.UnsafeWrap(littleEndianFloat32);
        _graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>Adds an int64 initializer (shapes, axes).</summary>
    public string InitializerInt64(string name, long[] shape, ReadOnlySpan<long> values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.AddRange(shape);
        foreach (var v in values)
        {
            tensor.Int64Data.Add(v);
        }

        _graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>A scalar float32 constant as an initializer with an automatic name.</summary>
    public string Scalar(float value, string? name = null) =>
        Initializer(name ?? Unique("const"), [], [value]);

    /// <summary>
    /// Adds a node with one output and returns the output's name. Attributes: long, float, string,
    /// long[], float[] values.
    /// </summary>
    public string Node(string opType, IReadOnlyList<string> inputs, IReadOnlyDictionary<string, object>? attributes = null,
        string domain = "", string? name = null, string? output = null)
    {
        var nodeName = name ?? Unique(opType);
        var outName = output ?? nodeName + "_out";
        NodeMulti(opType, inputs, [outName], attributes, domain, nodeName);
        return outName;
    }

    /// <summary>Adds a node with several outputs.</summary>
    public NodeProto NodeMulti(string opType, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs,
        IReadOnlyDictionary<string, object>? attributes = null, string domain = "", string? name = null)
    {
        var node = new NodeProto { OpType = opType, Domain = domain, Name = name ?? Unique(opType) };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        if (attributes is not null)
        {
            foreach (var (key, value) in attributes)
            {
                node.Attribute.Add(Attribute(key, value));
            }
        }

        _graph.Node.Add(node);
        return node;
    }

    public byte[] ToBytes() => _model.ToByteArray();

    /// <summary>Writes the model atomically (temporary file, then rename).</summary>
    public void Save(string path) => Core.IO.AtomicWrite.File(path, temp => File.WriteAllBytes(temp, ToBytes()));

    private string Unique(string stem)
    {
        _nameCounts.TryGetValue(stem, out var count);
        _nameCounts[stem] = count + 1;
        return $"{stem}_{count}";
    }

    private static ValueInfoProto ValueInfo(string name, long[] shape)
    {
        var tensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = new TensorShapeProto() };
        foreach (var d in shape)
        {
            tensorType.Shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        }

        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensorType } };
    }

    private static AttributeProto Attribute(string name, object value)
    {
        var a = new AttributeProto { Name = name };
        switch (value)
        {
            case long l: a.Type = AttributeProto.Types.AttributeType.Int; a.I = l; break;
            case int i: a.Type = AttributeProto.Types.AttributeType.Int; a.I = i; break;
            case float f: a.Type = AttributeProto.Types.AttributeType.Float; a.F = f; break;
            case double d: a.Type = AttributeProto.Types.AttributeType.Float; a.F = (float)d; break;
            case string s: a.Type = AttributeProto.Types.AttributeType.String; a.S = ByteString.CopyFromUtf8(s); break;
            case long[] ls: a.Type = AttributeProto.Types.AttributeType.Ints; a.Ints.AddRange(ls); break;
            case int[] isx: a.Type = AttributeProto.Types.AttributeType.Ints; a.Ints.AddRange(isx.Select(v => (long)v)); break;
            case float[] fs: a.Type = AttributeProto.Types.AttributeType.Floats; a.Floats.AddRange(fs); break;
            case TensorProto t: a.Type = AttributeProto.Types.AttributeType.Tensor; a.T = t; break;
            default: throw new ArgumentException($"attribute '{name}' has an unsupported type {value.GetType().Name}");
        }

        return a;
    }
}
