using BnnCompiler.Onnx.Building;
using BnnCompiler.Testing;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// Malformed or unsupported models give one clear diagnostic naming the file (and the node), exit code 2,
/// and no stack trace.
/// </summary>
public sealed class ImportBadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bnnc-bad-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Should_Report_A_Missing_File()
    {
        var path = Path.Combine(_dir, "absent.onnx");
        CliRun.Of("inspect", path).ShouldFailWith("BNN3001", path, "model file not found");
    }

    [Fact]
    public void Should_Report_Malformed_Protobuf()
    {
        var path = Write("garbage.onnx", Enumerable.Range(0, 200).Select(i => (byte)(i * 37 + 11)).ToArray());
        CliRun.Of("inspect", path).ShouldFailWith("BNN3003", path, "not a valid ONNX model");
    }

    [Fact]
    public void Should_Report_A_Truncated_File()
    {
        var whole = File.ReadAllBytes(RepoPaths.ExternalModel("tfc-w1a1/TFC_1W1A.qonnx.onnx"));
        var path = Write("truncated.onnx", whole[..(whole.Length / 2)]);
        CliRun.Of("inspect", path).ShouldFailWith("BNN3003", path, "truncated");
    }

    [Fact]
    public void Should_Report_An_Unknown_Op_With_The_Supported_List()
    {
        var b = Dense(out var x);
        var y = b.Node("Foo", [x], name: "mystery");
        b.Output(y, [1, 4]);
        var path = Save(b, "unknown-op.onnx");
        CliRun.Of("inspect", path).ShouldFailWith("BNN3008", path, "node 'mystery' (Foo)", "operator Foo is not supported", "supported: ", "Conv");
    }

    [Fact]
    public void Should_Report_An_Unrecognised_Dialect()
    {
        var b = Dense(out var x);
        b.Opset("com.example.quant", 1);
        var y = b.Node("BinaryThing", [x], domain: "com.example.quant", name: "bt");
        b.Output(y, [1, 4]);
        var path = Save(b, "dialect.onnx");
        CliRun.Of("inspect", path).ShouldFailWith("BNN3012", path, "node 'bt' (BinaryThing)", "domain 'com.example.quant' is not a recognised BNN dialect", "onnx.brevitas");
    }

    [Fact]
    public void Should_Report_Inconsistent_Shapes()
    {
        var b = Dense(out var x);
        var w = b.Initializer("w", [8, 2], new float[16]);
        var y = b.Node("MatMul", [x, w], name: "mm");
        b.Output(y, [1, 2]);
        var path = Save(b, "shapes.onnx");
        CliRun.Of("inspect", path).ShouldFailWith("BNN3009", path, "node 'mm' (MatMul)", "[1x4]·[8x2]");
    }

    [Fact]
    public void Should_Report_A_Cyclic_Graph()
    {
        var b = Dense(out var x);
        b.NodeMulti("Add", [x, "loop_b"], ["loop_a"], name: "first");
        b.NodeMulti("Relu", ["loop_a"], ["loop_b"], name: "second");
        b.Output("loop_b", [1, 4]);
        var path = Save(b, "cycle.onnx");
        CliRun.Of("inspect", path).ShouldFailWith("BNN3007", path, "the graph has a cycle");
    }

    [Fact]
    public void Should_Report_A_Missing_Initializer()
    {
        var b = Dense(out var x);
        var y = b.Node("MatMul", [x, "weights_that_are_not_there"], name: "mm");
        b.Output(y, [1, 4]);
        var path = Save(b, "missing.onnx");
        CliRun.Of("inspect", path).ShouldFailWith("BNN3006", path, "node 'mm' (MatMul)", "'weights_that_are_not_there'");
    }

    [Fact]
    public void Should_Report_A_Model_Above_The_Size_Cap()
    {
        var b = Dense(out var x);
        var w = b.Initializer("w", [4, 100_000], new float[400_000]);
        var y = b.Node("MatMul", [x, w]);
        b.Output(y, [1, 100_000]);
        var path = Save(b, "big.onnx");
        CliRun.Of("inspect", path, "--max-model-mb", "1").ShouldFailWith("BNN3002", path, "above the cap of 1,048,576 bytes", "--max-model-mb");
    }

    [Fact]
    public void Should_Report_External_Data()
    {
        var b = Dense(out var x);
        var w = b.Initializer("w", [4, 4], new float[16]);
        var tensor = b.Model.Graph.Initializer.Single(t => t.Name == w);
        tensor.DataLocation = global::Onnx.TensorProto.Types.DataLocation.External;
        tensor.ExternalData.Add(new global::Onnx.StringStringEntryProto { Key = "location", Value = "w.bin" });
        b.Output(b.Node("MatMul", [x, w]), [1, 4]);
        var path = Save(b, "external.onnx");
        CliRun.Of("inspect", path).ShouldFailWith("BNN3004", path, "'w' keeps its data in an external file");
    }

    [Fact]
    public void Should_Report_An_Unknown_Option_With_The_Accepted_Ones()
    {
        CliRun.Of("inspect", "m.onnx", "--jsn").ShouldFailWith("BNN1001", "unknown option '--jsn'", "--json");
    }

    private static OnnxModelBuilder Dense(out string x)
    {
        var b = new OnnxModelBuilder("bad");
        x = b.Input("x", [1, 4]);
        return b;
    }

    private string Save(OnnxModelBuilder b, string name)
    {
        var path = Path.Combine(_dir, name);
        b.Save(path);
        return path;
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
