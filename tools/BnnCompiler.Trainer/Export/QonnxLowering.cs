using Google.Protobuf;
using Onnx;

namespace BnnCompiler.Trainer.Export;

/// <summary>
/// Makes a QONNX file runnable by ONNX Runtime: every <c>BipolarQuant(x, s)</c> of the QONNX domains becomes
/// <c>Where(Less(x, 0), Neg(s), s)</c> (s·(x ≥ 0 ? +1 : −1)), and the custom opset import is dropped.
/// Only what the trainer's exports use; the compiler's own importer handles the general case.
/// </summary>
internal static class QonnxLowering
{
    private static readonly HashSet<string> Domains = new(StringComparer.Ordinal)
    {
        "qonnx.custom_op.general", "onnx.brevitas",
    };

    public static ModelProto Lower(ModelProto model)
    {
        var lowered = model.Clone();
        var graph = lowered.Graph;
        var nodes = graph.Node.ToList();
        graph.Node.Clear();
        var zeroName = "lowering_zero";
        var needZero = false;
        foreach (var node in nodes)
        {
            if (node.OpType == "BipolarQuant" && Domains.Contains(node.Domain))
            {
                needZero = true;
                var x = node.Input[0];
                var s = node.Input[1];
                var y = node.Output[0];
                var less = new NodeProto { OpType = "Less", Name = node.Name + ".less" };
                less.Input.Add(x);
                less.Input.Add(zeroName);
                less.Output.Add(node.Name + ".less_out");
                var neg = new NodeProto { OpType = "Neg", Name = node.Name + ".neg" };
                neg.Input.Add(s);
                neg.Output.Add(node.Name + ".neg_out");
                var where = new NodeProto { OpType = "Where", Name = node.Name };
                where.Input.Add(less.Output[0]);
                where.Input.Add(neg.Output[0]);
                where.Input.Add(s);
                where.Output.Add(y);
                graph.Node.Add(less);
                graph.Node.Add(neg);
                graph.Node.Add(where);
            }
            else if (Domains.Contains(node.Domain))
            {
                throw new NotSupportedException($"cannot lower {node.Domain}.{node.OpType}");
            }
            else
            {
                graph.Node.Add(node);
            }
        }

        if (needZero)
        {
            var zero = new TensorProto { Name = zeroName, DataType = (int)TensorProto.Types.DataType.Float };
            zero.RawData = ByteString.CopyFrom(BitConverter.GetBytes(0f));
            graph.Initializer.Add(zero);
        }

        var imports = lowered.OpsetImport.Where(o => !Domains.Contains(o.Domain)).ToList();
        lowered.OpsetImport.Clear();
        lowered.OpsetImport.AddRange(imports);
        return lowered;
    }

    public static byte[] Lower(byte[] modelBytes) => Lower(ModelProto.Parser.ParseFrom(modelBytes)).ToByteArray();
}
