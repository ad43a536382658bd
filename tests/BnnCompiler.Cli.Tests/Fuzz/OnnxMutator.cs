using Google.Protobuf;
using Onnx;
using DataType = Onnx.TensorProto.Types.DataType;

namespace BnnCompiler.Cli.Tests.Fuzz;

/// <summary>
/// Seeded damage to a valid ONNX model, one <see cref="OnnxMutation"/> at a time: byte-level (truncation, flips,
/// broken wire format) on the file, structural (dimensions, arity, types, attributes, versions, names, cycles,
/// external data, parameters) on the decoded model. The same seed always gives the same bytes.
/// </summary>
public static class OnnxMutator
{
    private static readonly long[] HugeDims = [1L << 31, (1L << 32) + 1, 1L << 40, 1L << 62, long.MaxValue, 3_000_000_000];
    private static readonly long[] NegativeDims = [-1, -7, long.MinValue, int.MinValue];
    private static readonly long[] OddInts = [-1, 0, 2, 1000, 1L << 31, long.MaxValue, long.MinValue, -1000];
    private static readonly long[] OddVersions = [0, 1, 2, 8, 23, 99, 999, -5, long.MaxValue];
    private static readonly string[] Escapes = ["../../etc/passwd", "/etc/passwd", "weights.bin", "sub/../../../x.bin", ""];
    private static readonly int[] OddTypes = [0, 2, 7, 8, 9, 10, 11, 16, 99, -3];

    public static byte[] Mutate(byte[] seed, OnnxMutation mutation, Random rng)
    {
        switch (mutation)
        {
            case OnnxMutation.Truncate:
                return seed[..rng.Next(1, seed.Length)];
            case OnnxMutation.ByteFlip:
                var flipped = (byte[])seed.Clone();
                var window = rng.Next(2) == 0 ? Math.Min(4096, seed.Length) : seed.Length;
                for (var i = rng.Next(1, 17); i > 0; i--)
                {
                    flipped[rng.Next(window)] ^= (byte)(1 << rng.Next(8));
                }

                return flipped;
            case OnnxMutation.WireFormat:
                return WireFormat(seed, rng);
        }

        var model = ModelProto.Parser.ParseFrom(seed);
        var g = model.Graph;
        switch (mutation)
        {
            case OnnxMutation.HugeDimension or OnnxMutation.NegativeDimension:
                var value = Pick(rng, mutation == OnnxMutation.HugeDimension ? HugeDims : NegativeDims);
                if (rng.Next(2) == 0 && g.Initializer.Count > 0)
                {
                    var t = Pick(rng, g.Initializer);
                    if (t.Dims.Count == 0)
                    {
                        t.Dims.Add(value);
                    }
                    else
                    {
                        t.Dims[rng.Next(t.Dims.Count)] = value;
                    }
                }
                else
                {
                    var v = Pick(rng, g.Input.Concat(g.Output).ToList());
                    v.Type ??= new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1 } };
                    v.Type.TensorType ??= new TypeProto.Types.Tensor { ElemType = 1 };
                    v.Type.TensorType.Shape ??= new TensorShapeProto();
                    var dims = v.Type.TensorType.Shape.Dim;
                    var dim = new TensorShapeProto.Types.Dimension { DimValue = value };
                    if (dims.Count == 0)
                    {
                        dims.Add(dim);
                    }
                    else
                    {
                        dims[rng.Next(dims.Count)] = dim;
                    }
                }

                break;
            case OnnxMutation.Arity:
                var node = Pick(rng, g.Node);
                switch (rng.Next(4))
                {
                    case 0: node.Input.Add(node.Input.Count > 0 ? node.Input[0] : g.Input[0].Name); break;
                    case 1 when node.Input.Count > 0: node.Input.RemoveAt(node.Input.Count - 1); break;
                    case 2: node.Output.Add(node.Output.Count > 0 ? node.Output[0] + "_extra" : "extra"); break;
                    default: node.Input.Add(string.Empty); node.Input.Add(g.Input[0].Name); break;
                }

                break;
            case OnnxMutation.ElementType:
                var type = Pick(rng, OddTypes);
                if (rng.Next(2) == 0 && g.Initializer.Count > 0)
                {
                    Pick(rng, g.Initializer).DataType = type;
                }
                else
                {
                    var v = Pick(rng, g.Input.Concat(g.Output).ToList());
                    if (v.Type?.TensorType is { } tensor)
                    {
                        tensor.ElemType = type;
                    }
                }

                break;
            case OnnxMutation.AttributeType:
                if (Attributed(g, rng) is { } typed)
                {
                    var a = Pick(rng, typed.Attribute);
                    a.Type = (AttributeProto.Types.AttributeType)rng.Next(0, 14);
                }

                break;
            case OnnxMutation.AttributeValue:
                if (Attributed(g, rng) is { } valued)
                {
                    var a = Pick(rng, valued.Attribute);
                    a.I = Pick(rng, OddInts);
                    a.F = Pick(rng, new[] { float.NaN, float.PositiveInfinity, -1f, 0f, 1e30f });
                    for (var i = 0; i < a.Ints.Count; i++)
                    {
                        if (rng.Next(2) == 0)
                        {
                            a.Ints[i] = Pick(rng, OddInts);
                        }
                    }

                    if (rng.Next(3) == 0)
                    {
                        a.Ints.Add(Pick(rng, OddInts));
                    }
                }

                break;
            case OnnxMutation.Opset:
                var opset = model.OpsetImport.FirstOrDefault(o => o.Domain is "" or "ai.onnx");
                switch (rng.Next(3))
                {
                    case 0 when opset is not null: model.OpsetImport.Remove(opset); break;
                    case 1 when opset is not null: model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset.Version + 1 }); break;
                    default: (opset ?? new OperatorSetIdProto()).Version = Pick(rng, OddVersions); break;
                }

                break;
            case OnnxMutation.IrVersion:
                model.IrVersion = Pick(rng, OddVersions);
                break;
            case OnnxMutation.DeepNesting:
                Pick(rng, g.Node).Attribute.Add(new AttributeProto { Name = "then_branch", Type = AttributeProto.Types.AttributeType.Graph, G = Nested(rng.Next(20, 200)) });
                break;
            case OnnxMutation.NonFinite:
                SetFloat(g, rng, null, Pick(rng, new[] { float.NaN, float.PositiveInfinity, float.NegativeInfinity }));
                break;
            case OnnxMutation.NegativeVariance:
                var bn = g.Node.FirstOrDefault(n => n.OpType == "BatchNormalization" && n.Input.Count == 5);
                SetFloat(g, rng, bn?.Input[rng.Next(2) == 0 ? 4 : 1], rng.Next(2) == 0 ? -rng.NextSingle() - 0.01f : 0f);
                break;
            case OnnxMutation.Cycle:
                var at = rng.Next(g.Node.Count);
                var later = g.Node[rng.Next(at, g.Node.Count)];
                var target = g.Node[at];
                if (target.Input.Count > 0 && later.Output.Count > 0)
                {
                    target.Input[rng.Next(target.Input.Count)] = later.Output[0];
                }

                break;
            case OnnxMutation.MissingName:
                var reader = Pick(rng, g.Node.Where(n => n.Input.Count > 0).ToList());
                reader.Input[rng.Next(reader.Input.Count)] = "missing_" + rng.Next(1000);
                break;
            case OnnxMutation.DuplicateName:
                if (rng.Next(2) == 0 && g.Initializer.Count > 0)
                {
                    g.Initializer.Add(Pick(rng, g.Initializer).Clone());
                }
                else
                {
                    var names = g.Input.Select(i => i.Name).Concat(g.Node.SelectMany(n => n.Output)).ToList();
                    var producer = Pick(rng, g.Node.Where(n => n.Output.Count > 0).ToList());
                    producer.Output[0] = Pick(rng, names);
                }

                break;
            case OnnxMutation.ExternalData:
                if (g.Initializer.Count > 0)
                {
                    var t = Pick(rng, g.Initializer);
                    t.RawData = ByteString.Empty;
                    t.FloatData.Clear();
                    t.DataLocation = TensorProto.Types.DataLocation.External;
                    t.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = Pick(rng, Escapes) });
                }

                break;
            case OnnxMutation.RawDataLength:
                var raw = g.Initializer.Where(t => t.RawData.Length > 0).ToList();
                if (raw.Count > 0)
                {
                    var t = Pick(rng, raw);
                    var bytes = t.RawData.ToByteArray();
                    var delta = rng.Next(1, 9);
                    t.RawData = ByteString.CopyFrom(rng.Next(2) == 0 ? bytes[..Math.Max(0, bytes.Length - delta)] : [.. bytes, .. new byte[delta]]);
                }

                break;
            case OnnxMutation.RemoveNode:
                g.Node.RemoveAt(rng.Next(g.Node.Count));
                break;
        }

        return model.ToByteArray();
    }

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private static NodeProto? Attributed(GraphProto g, Random rng)
    {
        var nodes = g.Node.Where(n => n.Attribute.Count > 0).ToList();
        return nodes.Count == 0 ? null : Pick(rng, nodes);
    }

    /// <summary>Sets one value of a float initializer (the named one, else a random one) as typed float data.</summary>
    private static void SetFloat(GraphProto g, Random rng, string? name, float value)
    {
        var floats = g.Initializer.Where(t => t.DataType == (int)DataType.Float && (name is null || t.Name == name)).ToList();
        if (floats.Count == 0)
        {
            return;
        }

        var t = Pick(rng, floats);
        var values = t.RawData.Length > 0
            ? System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(t.RawData.Span).ToArray()
            : t.FloatData.ToArray();
        if (values.Length == 0)
        {
            return;
        }

        values[rng.Next(values.Length)] = value;
        t.RawData = ByteString.Empty;
        t.FloatData.Clear();
        t.FloatData.AddRange(values);
    }

    /// <summary>A graph holding an If node whose branch holds another, <paramref name="depth"/> levels down.</summary>
    private static GraphProto Nested(int depth)
    {
        var graph = new GraphProto { Name = "leaf" };
        for (var d = 0; d < depth; d++)
        {
            var node = new NodeProto { OpType = "If", Name = $"if{d}" };
            node.Attribute.Add(new AttributeProto { Name = "then_branch", Type = AttributeProto.Types.AttributeType.Graph, G = graph });
            graph = new GraphProto { Name = $"level{d}" };
            graph.Node.Add(node);
        }

        return graph;
    }

    /// <summary>Protobuf wire-format damage: an endless varint, a reserved wire type, a length past the end, a stray end-group.</summary>
    private static byte[] WireFormat(byte[] seed, Random rng)
    {
        byte[] insert = rng.Next(5) switch
        {
            0 => [0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF],
            1 => [0x0E, 0x01],
            2 => [0x3A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F],
            3 => [0x0C],
            _ => [0x3A, 0x05, 0x0A, 0x7F, 0x01, 0x02, 0x03],
        };
        var position = rng.Next(3) == 0 ? seed.Length : rng.Next(seed.Length);
        return [.. seed[..position], .. insert, .. seed[position..]];
    }
}
