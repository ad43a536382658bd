using BnnCompiler.Core.Ir;
using BnnCompiler.Onnx;
using BnnCompiler.Testing;
using BnnCompiler.Zoo;
using Google.Protobuf;

namespace BnnCompiler.Passes.Tests;

/// <summary>
/// The checks of <c>--verify-each</c> run clean on every model the repository ships (onnx-models/, the external TFC
/// models) and on every model <c>bnnc zoo generate</c> writes (the study's ImageNet networks, BResNet18 among them, and
/// the NeuroSim comparison networks): the verifier after import and after every pass that changed the graph, and on the
/// models small enough to interpret quickly, bit-identical interpreter outputs after each pass.
/// </summary>
public sealed class VerifyEachTests
{
    public static TheoryData<string> ShippedModels()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(RepoPaths.Repo("onnx-models"), "*.onnx", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, path));
        }

        return data;
    }

    public static TheoryData<string> ZooModels() => new(ImageNetZoo.Names.Concat(ComparisonZoo.Names));

    [Theory]
    [MemberData(nameof(ShippedModels))]
    public void Should_Verify_Every_Shipped_Model_After_Every_Pass(string relative)
    {
        var model = OnnxFrontend.Load(RepoPaths.Repo(relative), checks: new PassChecks(Structure: true, InterpreterSamples: 2, Seed: 3));

        Assert.Empty(IrVerifier.Verify(model.Graph));
        Assert.NotEmpty(model.Graph.Nodes);
    }

    [Theory]
    [MemberData(nameof(ZooModels))]
    public void Should_Verify_Every_Generated_Model_After_Every_Pass(string name)
    {
        var imageNet = ImageNetZoo.Names.Contains(name);
        var onnx = imageNet ? ImageNetZoo.Build(name, 0) : ComparisonZoo.Build(name, 0);

        // The ImageNet networks take seconds per image in the interpreter: structure only.
        var model = OnnxFrontend.FromBytes(onnx.ToByteArray(), name + ".onnx", checks: new PassChecks(Structure: true, InterpreterSamples: imageNet ? 0 : 2, Seed: 3));

        Assert.True(model.PassRuns > 0, "the recognition passes changed nothing: the checks after each pass never ran");
        Assert.Empty(IrVerifier.Verify(model.Graph));
    }
}
