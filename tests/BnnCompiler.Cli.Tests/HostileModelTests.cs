using BnnCompiler.Onnx.Building;
using BnnCompiler.Onnx.Checking;
using BnnCompiler.Testing;
using Google.Protobuf;
using Onnx;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// The hostile models of issue 15, each ending in its own diagnostic (exit 2) before any tensor is decoded or
/// ONNX Runtime sees the file: huge claimed dimensions, versions and arities ONNX Runtime refuses, mixed element
/// types, non-finite or impossible parameters; and a BatchNormalization scale of 0 that is only a warning.
/// </summary>
public sealed class HostileModelTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bnnc-hostile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Should_Refuse_An_Initializer_Whose_Dims_Claim_2_To_The_31_Elements()
    {
        var b = Dense(out var x);
        var w = b.Initializer("w", [4, 4], new float[16]);
        b.Output(b.Node("MatMul", [x, w], name: "mm"), [1, 4]);
        var tensor = b.Model.Graph.Initializer.Single();
        tensor.Dims.Clear();
        tensor.Dims.AddRange([1L << 16, 1L << 15]);
        var path = Save(b, "huge-dims.onnx");
        CliRun.Of("inspect", path).ShouldFailWith(CheckCodes.Tensor, path, "initializer 'w'", "2,147,483,648", "above the cap", "--max-elements");
    }

    [Fact]
    public void Should_Refuse_Raw_Data_Shorter_Than_The_Dims_Claim_Under_A_Raised_Cap()
    {
        var b = Dense(out var x);
        var w = b.Initializer("w", [4, 4], new float[16]);
        b.Output(b.Node("MatMul", [x, w], name: "mm"), [1, 4]);
        var tensor = b.Model.Graph.Initializer.Single();
        tensor.Dims[1] = 400;
        var path = Save(b, "short-data.onnx");
        CliRun.Of("inspect", path, "--max-elements", "2000000000")
            .ShouldFailWith(CheckCodes.Tensor, path, "tensor 'w' holds 64 bytes of raw data", "[4,400] of float need 6,400");
    }

    [Fact]
    public void Should_Refuse_A_Graph_Input_Dimension_Of_2_To_The_63_Minus_1()
    {
        var b = new OnnxModelBuilder("bad");
        var x = b.Input("x", [1, long.MaxValue]);
        b.Output(b.Node("Relu", [x]), [1, 4]);
        var path = Save(b, "huge-input.onnx");
        CliRun.Of("inspect", path).ShouldFailWith(CheckCodes.Tensor, path, "graph input 'x'", "9,223,372,036,854,775,807", "at most 2,147,483,647");
    }

    [Fact]
    public void Should_Refuse_Opset_999_Before_Onnx_Runtime_Does()
    {
        var path = Save(Relu(opset: 999), "opset999.onnx");
        CliRun.Of("evaluate", path, "--limit", "2").ShouldFailWith(CheckCodes.Version, path, "default-domain opset 999 is not supported", $"opsets 9 to {OperatorSchemas.MaxOpset}");
    }

    [Fact]
    public void Should_Refuse_A_Node_With_Too_Many_Inputs_For_Its_Operator()
    {
        var b = Dense(out var x);
        b.Output(b.Node("Relu", [x, x], name: "r"), [1, 4]);
        var path = Save(b, "arity.onnx");
        CliRun.Of("evaluate", path, "--limit", "2").ShouldFailWith(CheckCodes.Arity, path, "node 'r' (Relu)", "takes 1 inputs; this node has 2");
    }

    [Fact]
    public void Should_Refuse_A_Gemm_Whose_Inputs_Have_Different_Element_Types()
    {
        var b = Dense(out var x);
        var w = b.Initializer("w", [4, 4], new float[16]);
        b.Model.Graph.Initializer.Single().DataType = (int)TensorProto.Types.DataType.Double;
        b.Model.Graph.Initializer.Single().RawData = ByteString.CopyFrom(new byte[16 * 8]);
        b.Output(b.Node("Gemm", [x, w], name: "fc"), [1, 4]);
        var path = Save(b, "gemm-types.onnx");
        CliRun.Of("evaluate", path, "--limit", "2").ShouldFailWith(CheckCodes.ElementType, path, "node 'fc' (Gemm)", "'x' (float), 'w' (double)", "one element type");
    }

    [Fact]
    public void Should_Refuse_An_Unknown_Attribute_And_A_Wrongly_Typed_One()
    {
        var b = Dense(out var x);
        var y = b.Node("Flatten", [x], new Dictionary<string, object> { ["axis"] = 1.5f, ["colour"] = 3L }, name: "f");
        b.Output(y, [1, 4]);
        var path = Save(b, "attrs.onnx");
        var run = CliRun.Of("inspect", path);
        run.ShouldFailWith(CheckCodes.Attribute, path, "node 'f' (Flatten)", "attribute 'axis' is a float; Flatten defines it as an int");
        Assert.Contains("has no attribute 'colour'; its attributes: axis", run.Error);
    }

    [Fact]
    public void Should_Refuse_An_Operator_Newer_Than_The_Models_Opset()
    {
        var b = Dense(out var x, opset: 11);
        var zero = b.Scalar(0f);
        b.Output(b.Node("GreaterOrEqual", [x, zero], name: "ge"), [1, 4]);
        var path = Save(b, "too-new.onnx");
        CliRun.Of("inspect", path).ShouldFailWith(CheckCodes.OperatorVersion, path, "node 'ge' (GreaterOrEqual)", "defined from opset 12; the model imports opset 11");
    }

    [Fact]
    public void Should_Refuse_Two_Producers_Of_One_Name()
    {
        var b = Dense(out var x);
        b.NodeMulti("Relu", [x], ["h"], name: "first");
        b.NodeMulti("Neg", [x], ["h"], name: "second");
        b.Output("h", [1, 4]);
        var path = Save(b, "duplicate.onnx");
        CliRun.Of("inspect", path).ShouldFailWith(CheckCodes.DuplicateName, path, "node 'second' (Neg)", "output 'h' is already defined");
    }

    [Fact]
    public void Should_Name_External_Data_Outside_The_Models_Folder()
    {
        var b = Dense(out var x);
        var w = b.Initializer("w", [4, 4], new float[16]);
        var tensor = b.Model.Graph.Initializer.Single();
        tensor.RawData = ByteString.Empty;
        tensor.DataLocation = TensorProto.Types.DataLocation.External;
        tensor.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = "../../etc/passwd" });
        b.Output(b.Node("MatMul", [x, w]), [1, 4]);
        var path = Save(b, "escape.onnx");
        CliRun.Of("inspect", path).ShouldFailWith("BNN3004", path, "'../../etc/passwd', outside the model's folder");
    }

    [Theory]
    [InlineData(1, float.NaN, "NaN")]
    [InlineData(2, float.PositiveInfinity, "+Inf")]
    [InlineData(3, float.NegativeInfinity, "-Inf")]
    public void Should_Name_The_Tensor_And_Index_Of_A_Non_Finite_Batch_Norm_Parameter(int input, float value, string shown)
    {
        var (path, tensor) = TfcWithBatchNormValue(input, 5, value, "nonfinite.onnx");
        CliRun.Of("inspect", path).ShouldFailWith(CheckCodes.Parameter, path, $"tensor '{tensor}' holds {shown} at index 5", "must be finite");
    }

    [Fact]
    public void Should_Name_The_Index_Of_A_Negative_Variance()
    {
        var (path, tensor) = TfcWithBatchNormValue(4, 7, -0.5f, "negative-variance.onnx");
        CliRun.Of("inspect", path).ShouldFailWith(CheckCodes.Parameter, path, $"the variance '{tensor}' is -0.5 at index 7", "must not be negative");
    }

    [Fact]
    public void Should_Warn_About_A_Zero_Scale_And_Agree_With_Onnx_Runtime_On_Every_Image()
    {
        var (path, tensor) = TfcWithBatchNormValue(1, 3, 0f, "zero-scale.onnx");
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        CliRun run;
        try
        {
            run = CliRun.Of("evaluate", path, "--data", "mnist-heldout", "--limit", "200", "--adc-bits", "8");
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"warning {CheckCodes.ZeroScale}: channel 3 has scale 0 in '{tensor}'", error.ToString());
        Assert.True(run.Output.Contains("agreement            100.00 % (200/200) (exact read-out)"), run.Output);
    }

    [Theory]
    [InlineData("strides", new long[] { 0, 1 }, "strides holds 0; supported: 1 to 65536")]
    [InlineData("pads", new long[] { 0, -2, 0, 0 }, "pads holds -2; supported: 0 to 65536")]
    [InlineData("dilations", new long[] { 1, 4_294_967_296 }, "dilations holds 4294967296; supported: 1 to 65536")]
    public void Should_Refuse_Window_Attributes_Out_Of_Range(string attribute, long[] values, string message)
    {
        // Found by the fuzz suite: a stride of 0 divided by zero while computing the output size.
        var b = new OnnxModelBuilder("bad");
        var x = b.Input("x", [1, 1, 6, 6]);
        var w = b.Initializer("w", [2, 1, 3, 3], new float[18]);
        b.Output(b.Node("Conv", [x, w], new Dictionary<string, object> { [attribute] = values }, name: "conv"), [1, 2, 4, 4]);
        var path = Save(b, $"window-{attribute}.onnx");
        CliRun.Of("inspect", path).ShouldFailWith("BNN3011", path, "node 'conv' (Conv)", message);
    }

    [Fact]
    public void Should_Refuse_A_Weight_Binarizer_Scale_That_Fits_No_Channel()
    {
        // Found by the fuzz suite: a scale of 3 values on weights of 2 output channels indexed past its end.
        var b = Dense(out var x);
        b.Opset("qonnx.custom_op.general", 1);
        var w = b.Initializer("w", [2, 4], [1, -1, 1, -1, 1, 1, -1, -1]);
        var s = b.Initializer("s", [3], [1f, 1f, 1f]);
        var q = b.Node("BipolarQuant", [w, s], domain: "qonnx.custom_op.general", name: "wq");
        b.Output(b.Node("Gemm", [x, q], new Dictionary<string, object> { ["transB"] = 1L }, name: "fc"), [1, 2]);
        var path = Save(b, "scale.onnx");
        CliRun.Of("inspect", path).ShouldFailWith("BNN3009", path, "node 'wq' (BipolarQuant)", "scale holds 3 values; the constant [2x4] takes one, or one per output channel");
    }

    /// <summary>The shipped TFC-w1a1 model with one value of its first BatchNormalization's input <paramref name="input"/> replaced.</summary>
    private (string Path, string Tensor) TfcWithBatchNormValue(int input, int index, float value, string name)
    {
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(RepoPaths.ExternalModel("tfc-w1a1/TFC_1W1A.qonnx.onnx")));
        var bn = model.Graph.Node.First(n => n.OpType == "BatchNormalization");
        var tensor = model.Graph.Initializer.Single(t => t.Name == bn.Input[input]);
        var values = tensor.RawData.Length > 0 ? MemoryMarshalFloats(tensor.RawData.ToByteArray()) : tensor.FloatData.ToArray();
        values[index] = value;
        tensor.RawData = ByteString.Empty;
        tensor.FloatData.Clear();
        tensor.FloatData.AddRange(values);
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, model.ToByteArray());
        return (path, tensor.Name);
    }

    private static float[] MemoryMarshalFloats(byte[] bytes) => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes).ToArray();

    private static OnnxModelBuilder Relu(long opset)
    {
        var b = Dense(out var x, opset);
        b.Output(b.Node("Relu", [x]), [1, 4]);
        return b;
    }

    private static OnnxModelBuilder Dense(out string x, long opset = 13)
    {
        var b = new OnnxModelBuilder("bad", opset);
        x = b.Input("x", [1, 4]);
        return b;
    }

    private string Save(OnnxModelBuilder b, string name)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, b.ToBytes());
        return path;
    }
}
