using System.Text.RegularExpressions;
using BnnCompiler.Core.Analysis;
using BnnCompiler.Onnx;
using Google.Protobuf;

namespace BnnCompiler.Zoo.Tests;

/// <summary>
/// The generated BResNet18 goes through the importer as `bnnc inspect` sees it: 21 matrix layers whose
/// K×N weights and MACs equal the study's layer list (Larq Zoo's BinaryResNetE18), the stem taking the
/// 8-bit image and every other layer bipolar inputs.
/// </summary>
public sealed partial class InspectImportTests
{
    [Fact]
    public void Should_Import_BResNet18_With_The_Documented_Layers_Parameters_And_MACs()
    {
        var model = OnnxFrontend.FromBytes(ImageNetZoo.Build("bresnet18", ImageNetZoo.DefaultSeed).ToByteArray(), "bresnet18.onnx");
        var layers = LayerTable.Build(model.Graph).Where(l => l.Rows > 0).ToList();
        var section = StudyLayerLists.Text[StudyLayerLists.Text.IndexOf("== resnete18", StringComparison.Ordinal)..StudyLayerLists.Text.IndexOf("== densenet28", StringComparison.Ordinal)];
        var expected = RowPattern().Matches(section).Select(m => (Weights: long.Parse(m.Groups[1].Value), Macs: long.Parse(m.Groups[2].Value))).ToList();

        Assert.Equal(21, expected.Count);
        Assert.Equal(expected.Select(e => e.Weights), layers.Select(l => (long)l.Rows * l.Columns));
        Assert.Equal(expected.Select(e => e.Macs), layers.Select(l => l.Macs));
        Assert.Equal(11_678_912, layers.Sum(l => (long)l.Rows * l.Columns));
        Assert.Equal(1_814_073_344, layers.Sum(l => l.Macs));
        Assert.Equal(LayerKinds.MultiBitInput, layers[0].Kind);
        Assert.Equal(8, layers[0].InputBits);
        Assert.All(layers.Skip(1), l => Assert.Equal(LayerKinds.Binary, l.Kind));
    }

    [GeneratedRegex(@"W=\s*(\d+)\s+MAC=\s*(\d+)")]
    private static partial Regex RowPattern();
}
