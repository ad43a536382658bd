using BnnCompiler.Data;
using BnnCompiler.Testing;

namespace BnnCompiler.Cli.Tests;

/// <summary><c>bnnc export neurosim</c>: the files, their layout, the traces (seeded or from the simulator) and bad input.</summary>
public sealed class ExportNeuroSimTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bnnc-export-neurosim-").FullName;

    private static string Model => RepoPaths.Repo("onnx-models/fmnist-cnn.onnx");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Should_Write_Complementary_Pairs_With_The_Shape_NeuroSim_Reads()
    {
        var dir = Path.Combine(_folder, "seeded");
        var run = CliRun.Of("export", "neurosim", Model, "--set", "readout.input_bits=1", "--seed", "5", "-o", dir);
        Assert.Equal(0, run.ExitCode);
        var network = File.ReadAllLines(Path.Combine(dir, "NetWork.csv"));
        // fmnist-cnn: conv1 1→32 (3×3, same), conv2 32→32 then 2×2 pool, conv3 32→64, conv4 64→64 then pool, fc 3136→256, fc 256→10.
        Assert.Equal(["28,28,2,3,3,32,0,1", "28,28,64,3,3,32,1,1", "14,14,64,3,3,64,0,1", "14,14,128,3,3,64,1,1",
            "1,1,6272,1,1,256,0,1", "1,1,512,1,1,10,0,1"], network);
        Assert.Contains("main NetWork.csv 1 1 weight1.csv input1.csv", File.ReadAllText(Path.Combine(dir, "param.txt")));
        Assert.Contains("levelOutput                = 32", File.ReadAllText(Path.Combine(dir, "param.txt")));

        var weights = Read(Path.Combine(dir, "weight2.csv"));
        Assert.Equal(2 * 288, weights.Length);
        Assert.All(weights, row => Assert.Equal(32, row.Length));
        Assert.All(weights.SelectMany(r => r), v => Assert.True(v is "0" or "-1"));
        for (var k = 0; k < 288; k++)
        {
            Assert.Equal(weights[2 * k].Select(v => v == "0" ? "-1" : "0"), weights[(2 * k) + 1]);
        }

        var inputs = Read(Path.Combine(dir, "input2.csv"));
        Assert.Equal(2 * 288, inputs.Length);
        Assert.All(inputs, row => Assert.Equal(26 * 26, row.Length));
        for (var k = 0; k < 288; k++)
        {
            Assert.Equal(inputs[2 * k].Select(v => v == "1" ? "0" : "1"), inputs[(2 * k) + 1]);
        }

        // Overlapping windows read the same element: row (c=0, i=0, j=1) of window 0 is row (c=0, i=0, j=0) of window 1.
        Assert.Equal(inputs[2 * 1][0], inputs[0][1]);
        var ones = inputs.Where((_, i) => i % 2 == 0).SelectMany(r => r).Count(v => v == "1");
        Assert.InRange(ones / (288.0 * 676), 0.47, 0.53);

        var again = Path.Combine(_folder, "again");
        Assert.Equal(0, CliRun.Of("export", "neurosim", Model, "--set", "readout.input_bits=1", "--seed", "5", "-o", again).ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "input4.csv")), File.ReadAllText(Path.Combine(again, "input4.csv")));
        Assert.Empty(Directory.GetDirectories(_folder, "*.partial-*"));
    }

    [Fact]
    public void Should_Trace_The_Image_Bits_The_First_Layer_Reads()
    {
        var dir = Path.Combine(_folder, "data");
        var run = CliRun.Of("export", "neurosim", Model, "--set", "readout.input_bits=1", "--data", "fashion-mnist", "--image", "3", "-o", dir);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("the simulator's activations for one image", run.Output);
        var image = DatasetCatalog.Load("fashion-mnist").Image(3).ToArray();
        var (lo, hi) = (image.Min(), image.Max());
        var inputs = Read(Path.Combine(dir, "input1.csv"));
        Assert.Equal(2 * 9, inputs.Length);
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                var row = inputs[2 * ((i * 3) + j)];
                for (var y = 0; y < 26; y++)
                {
                    for (var x = 0; x < 26; x++)
                    {
                        // One input bit, dynamic quantisation: the bit is set from the middle of the image's own range up.
                        var pixel = image[((y + i) * 28) + x + j];
                        Assert.Equal((pixel - lo) / (double)(hi - lo) >= 0.5 ? "1" : "0", row[(y * 26) + x]);
                    }
                }
            }
        }
    }

    [Fact]
    public void Should_Reject_Bad_Export_Requests_With_Diagnostics()
    {
        CliRun.Of("export", "timeloop", Model, "-o", _folder).ShouldFailWith("BNN1001", "unknown export format 'timeloop'", "neurosim");
        CliRun.Of("export", "neurosim", Model).ShouldFailWith("BNN1001", "-o DIR");
        CliRun.Of("export", "neurosim", Model, "--data", "fashion-mnist", "--image", "10000", "-o", _folder)
            .ShouldFailWith("BNN8002", "--image 10000", "0 to 9999");
        var file = Path.Combine(_folder, "a-file");
        File.WriteAllText(file, "x");
        CliRun.Of("export", "neurosim", Model, "--seed", "1", "-o", file).ShouldFailWith("BNN1010", file);
        Assert.Equal("x", File.ReadAllText(file));
        Assert.Empty(Directory.GetDirectories(_folder, "*.partial-*"));
    }

    private static string[][] Read(string path) => File.ReadAllLines(path).Select(l => l.Split(',')).ToArray();
}
