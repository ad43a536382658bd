using BnnCompiler.Testing;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// Models ending in the classifier's decision (FINN's TopK with k = 1, or ArgMax) import, and their decision
/// agrees with ONNX Runtime's int64 index on every image; heads that are not a first-maximum decision are refused.
/// </summary>
public sealed class DecisionHeadTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bnnc-head-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static byte[] Tfc => File.ReadAllBytes(RepoPaths.ExternalModel("tfc-w1a1/TFC_1W1A.qonnx.onnx"));

    [Fact]
    public void Should_Import_A_Finn_TopK_Head_And_Agree_With_Onnx_Runtime_On_Every_Image()
    {
        var path = Write("tfc-topk.onnx", DecisionHeads.AppendTopK(Tfc));
        var inspect = CliRun.Of("inspect", path);
        Assert.Equal(0, inspect.ExitCode);
        Assert.Contains("decision node 'TopK_0' (TopK): the class index", inspect.Output);

        var reference = CliRun.Of("reference", path, "--data", "mnist-heldout");
        Assert.Equal(0, reference.ExitCode);
        Assert.Contains("disagreeing predictions 0", reference.Output);

        var evaluate = CliRun.Of("evaluate", path, "--data", "mnist-heldout", "--adc-bits", "8");
        Assert.Equal(0, evaluate.ExitCode);
        Assert.Contains("agreement            100.00 % (2000/2000) (exact read-out)", evaluate.Output);

        // The head changes nothing: ONNX Runtime's accuracy is that of the model without it.
        var plain = CliRun.Of("evaluate", RepoPaths.ExternalModel("tfc-w1a1/TFC_1W1A.qonnx.onnx"), "--data", "mnist-heldout", "--adc-bits", "8");
        Assert.Equal(Line(plain.Output, "ONNX Runtime top-1"), Line(evaluate.Output, "ONNX Runtime top-1"));
    }

    [Fact]
    public void Should_Import_An_ArgMax_Head_And_Agree_With_Onnx_Runtime()
    {
        var path = Write("tfc-argmax.onnx", DecisionHeads.AppendArgMax(Tfc));
        var evaluate = CliRun.Of("evaluate", path, "--data", "mnist-heldout", "--limit", "500", "--adc-bits", "8");
        Assert.Equal(0, evaluate.ExitCode);
        Assert.Contains("agreement            100.00 % (500/500) (exact read-out)", evaluate.Output);
    }

    [Fact]
    public void Should_Refuse_A_TopK_With_K_Above_1()
    {
        var path = Write("topk3.onnx", DecisionHeads.AppendTopK(Tfc, k: 3));
        CliRun.Of("inspect", path).ShouldFailWith("BNN3011", path, "node 'TopK_0' (TopK)", "with k = 1; this node has k = 3");
    }

    [Fact]
    public void Should_Refuse_An_ArgMax_That_Breaks_Ties_On_The_Last_Maximum()
    {
        var opset13 = DialectModels.Build(Dialect.PyTorchSign, conv: false, alpha: false, seed: 1);
        var path = Write("argmax-last.onnx", DecisionHeads.AppendArgMax(opset13, selectLastIndex: 1));
        CliRun.Of("inspect", path).ShouldFailWith("BNN3011", path, "node 'ArgMax_0' (ArgMax)", "select_last_index = 0");
    }

    [Fact]
    public void Should_Refuse_A_Decision_Index_Read_By_Another_Node()
    {
        var model = Global(DecisionHeads.AppendTopK(Tfc));
        var cast = new global::Onnx.NodeProto { OpType = "Cast", Name = "after_head" };
        cast.Input.Add("global_out");
        cast.Output.Add("as_float");
        cast.Attribute.Add(new global::Onnx.AttributeProto { Name = "to", Type = global::Onnx.AttributeProto.Types.AttributeType.Int, I = 1 });
        model.Graph.Node.Add(cast);
        model.Graph.Output[0].Name = "as_float";
        model.Graph.Output[0].Type.TensorType.ElemType = 1;
        var path = Write("read-head.onnx", Google.Protobuf.MessageExtensions.ToByteArray(model));
        CliRun.Of("inspect", path).ShouldFailWith("BNN3011", path, "node 'after_head' (Cast)", "the decision as the graph's output");
    }

    private static global::Onnx.ModelProto Global(byte[] bytes) => global::Onnx.ModelProto.Parser.ParseFrom(bytes);

    private static string Line(string text, string prefix) => text.Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal));

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
