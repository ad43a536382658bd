using Google.Protobuf;
using Onnx;

namespace BnnCompiler.Testing;

/// <summary>
/// Appends a classifier decision head to a model whose single output holds the scores [1, N]: a TopK with
/// k = 1 written as FINN's InsertTopK transformation writes it (k an int64 initializer, axis −1, largest and
/// sorted 1, the int64 indices [1, 1] as the new graph output; k an attribute below opset 10), or an ArgMax
/// over axis 1 with keepdims.
/// </summary>
public static class DecisionHeads
{
    public static byte[] AppendTopK(byte[] model, long k = 1) => Append(model, "TopK", k);

    public static byte[] AppendArgMax(byte[] model, long selectLastIndex = 0) => Append(model, "ArgMax", selectLastIndex);

    private static byte[] Append(byte[] bytes, string opType, long parameter)
    {
        var model = ModelProto.Parser.ParseFrom(bytes);
        var opset = model.OpsetImport.Single(o => o.Domain is "" or "ai.onnx").Version;
        var graph = model.Graph;
        var scores = graph.Output.Single();
        graph.Output.Clear();
        var node = new NodeProto { OpType = opType, Name = opType == "TopK" ? "TopK_0" : "ArgMax_0" };
        node.Input.Add(scores.Name);
        if (opType == "TopK" && opset < 10)
        {
            node.Output.Add("TopK_0_values");
            node.Output.Add("global_out");
            node.Attribute.Add(Int("axis", -1));
            node.Attribute.Add(Int("k", parameter));
        }
        else if (opType == "TopK")
        {
            var kTensor = new TensorProto { Name = "TopK_0_k", DataType = (int)TensorProto.Types.DataType.Int64 };
            kTensor.Dims.Add(1);
            kTensor.Int64Data.Add(parameter);
            graph.Initializer.Add(kTensor);
            node.Input.Add(kTensor.Name);
            node.Output.Add("TopK_0_values");
            node.Output.Add("global_out");
            node.Attribute.Add(Int("axis", -1));
            if (opset >= 11)
            {
                node.Attribute.Add(Int("largest", 1));
                node.Attribute.Add(Int("sorted", 1));
            }
        }
        else
        {
            node.Output.Add("global_out");
            node.Attribute.Add(Int("axis", 1));
            node.Attribute.Add(Int("keepdims", 1));
            if (parameter != 0)
            {
                node.Attribute.Add(Int("select_last_index", parameter));
            }
        }

        graph.Node.Add(node);
        var output = new ValueInfoProto { Name = "global_out", Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Int64 } } };
        output.Type.TensorType.Shape = new TensorShapeProto();
        output.Type.TensorType.Shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = 1 });
        output.Type.TensorType.Shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = opType == "TopK" ? parameter : 1 });
        graph.Output.Add(output);
        return model.ToByteArray();
    }

    private static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };
}
