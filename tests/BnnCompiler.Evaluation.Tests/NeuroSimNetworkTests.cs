using BnnCompiler.Evaluation.NeuroSim;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping;
using BnnCompiler.Onnx;
using BnnCompiler.Zoo;

namespace BnnCompiler.Evaluation.Tests;

/// <summary>
/// NetWork.csv rows of the study's three networks against rows written by hand from the study's layer lists
/// (Larq Zoo's Binary AlexNet, BinaryResNetE18, BinaryDenseNet28; C_in doubled for two rows per ±1 weight; max pool
/// flagged on the layer whose output is pooled; the 1×1 shortcuts after a 2×2/2 average pool as strided 1×1 rows).
/// </summary>
public sealed class NeuroSimNetworkTests
{
    private static readonly string[] AlexNet =
    [
        "224,224,6,11,11,64,1,4", "27,27,128,5,5,192,1,1", "13,13,384,3,3,384,0,1", "13,13,768,3,3,384,0,1",
        "13,13,768,3,3,256,1,1", "1,1,18432,1,1,4096,0,1", "1,1,8192,1,1,4096,0,1", "1,1,8192,1,1,1000,0,1",
    ];

    private static readonly string[] ResNetE18 =
    [
        "224,224,6,7,7,64,1,2",
        "56,56,128,3,3,64,0,1", "56,56,128,3,3,64,0,1", "56,56,128,3,3,64,0,1", "56,56,128,3,3,64,0,1",
        "56,56,128,3,3,128,0,2", "56,56,128,1,1,128,0,2", "28,28,256,3,3,128,0,1", "28,28,256,3,3,128,0,1", "28,28,256,3,3,128,0,1",
        "28,28,256,3,3,256,0,2", "28,28,256,1,1,256,0,2", "14,14,512,3,3,256,0,1", "14,14,512,3,3,256,0,1", "14,14,512,3,3,256,0,1",
        "14,14,512,3,3,512,0,2", "14,14,512,1,1,512,0,2", "7,7,1024,3,3,512,0,1", "7,7,1024,3,3,512,0,1", "7,7,1024,3,3,512,0,1",
        "1,1,1024,1,1,1000,0,1",
    ];

    private static readonly string[] DenseNet28 =
    [
        "224,224,6,7,7,64,1,2",
        "56,56,128,3,3,64,0,1", "56,56,256,3,3,64,0,1", "56,56,384,3,3,64,0,1", "56,56,512,3,3,64,0,1", "56,56,640,3,3,64,0,1", "56,56,768,3,3,64,1,1",
        "28,28,896,1,1,160,0,1",
        "28,28,320,3,3,64,0,1", "28,28,448,3,3,64,0,1", "28,28,576,3,3,64,0,1", "28,28,704,3,3,64,0,1", "28,28,832,3,3,64,0,1", "28,28,960,3,3,64,1,1",
        "14,14,1088,1,1,192,0,1",
        "14,14,384,3,3,64,0,1", "14,14,512,3,3,64,0,1", "14,14,640,3,3,64,0,1", "14,14,768,3,3,64,0,1", "14,14,896,3,3,64,0,1", "14,14,1024,3,3,64,1,1",
        "7,7,1152,1,1,256,0,1",
        "7,7,512,3,3,64,0,1", "7,7,640,3,3,64,0,1", "7,7,768,3,3,64,0,1", "7,7,896,3,3,64,0,1", "7,7,1024,3,3,64,0,1",
        "1,1,1152,1,1,1000,0,1",
    ];

    public static TheoryData<string> Models => new(ImageNetZoo.Names);

    [Theory]
    [MemberData(nameof(Models))]
    public void Should_Write_The_Study_Layer_Lists_As_NeuroSim_Rows(string model)
    {
        var expected = model switch { "balexnet" => AlexNet, "bresnet18" => ResNetE18, _ => DenseNet28 };
        var rows = Rows(model, []);
        Assert.Equal(expected, rows.Select(r => r.ToCsvLine()));
    }

    [Fact]
    public void Should_Count_The_Windows_NeuroSim_Reads_As_The_Study_Lists_Them()
    {
        // study-layer-lists.txt, "NS-windows": stem 11,881, s2 shortcut 784, s4.b0 36, fc 1.
        var rows = Rows("bresnet18", []);
        Assert.Equal([11881, 2916, 729, 784, 36, 49, 25, 1], new[] { 0, 1, 5, 6, 15, 16, 17, 20 }.Select(i => rows[i].NeuroSimWindows));
    }

    [Fact]
    public void Should_Double_The_Output_Channels_When_The_Pair_Takes_Two_Columns()
    {
        var rows = Rows("bresnet18", ["weights.pair_layout=columns"]);
        Assert.Equal("224,224,3,7,7,128,1,2", rows[0].ToCsvLine());
        Assert.Equal("1,1,512,1,1,2000,0,1", rows[^1].ToCsvLine());
    }

    private static IReadOnlyList<NeuroSimLayerRow> Rows(string model, string[] overrides)
    {
        var folder = Directory.CreateTempSubdirectory("bnnc-neurosim-rows-").FullName;
        try
        {
            var path = Path.Combine(folder, model + ".onnx");
            ImageNetZoo.Generate(model, 0, path);
            var graph = OnnxFrontend.Load(path).Graph;
            var spec = HardwareSpecLoader.Load(HardwareSpecLoader.DefaultSpecPath, ["readout.input_bits=1", .. overrides]);
            return NeuroSimNetwork.Rows(graph, CrossbarMapper.Map(graph, spec));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
