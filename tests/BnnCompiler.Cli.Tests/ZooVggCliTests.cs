using BnnCompiler.Zoo;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// <c>bnnc zoo generate vgg8</c> writes VGG-8 on 32×32×3 with the seed's weights, and bnnc reads it back with the
/// published VGG-8 shapes (NeuroSim V1.3's CIFAR-10 network: six 3×3 convolutions of 128, 128, 256, 256, 512, 512
/// channels with a 2×2 pool after every second one, then 8192→1024 and 1024→10).
/// </summary>
public sealed class ZooVggCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bnnc-zoo-vgg-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Generate_Writes_The_Seeded_Vgg8_That_Inspect_Reads_With_Its_Published_Shapes()
    {
        var path = Path.Combine(_dir, "vgg8.onnx");
        var run = CliRun.Of("zoo", "generate", "vgg8", "-o", path, "--seed", "3");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Google.Protobuf.MessageExtensions.ToByteArray(VggZoo.Build("vgg8", 3)), File.ReadAllBytes(path));
        Assert.NotEqual(File.ReadAllBytes(path), Google.Protobuf.MessageExtensions.ToByteArray(VggZoo.Build("vgg8", 4)));

        var inspect = CliRun.Of("inspect", path);
        Assert.Equal(0, inspect.ExitCode);
        string[] shapes = ["27x128", "1152x128", "1152x256", "2304x256", "2304x512", "4608x512", "8192x1024", "1024x10"];
        Assert.All(shapes, s => Assert.Contains(s, inspect.Output, StringComparison.Ordinal));
        // Σ out H·W·K·N: 32²·27·128 + 32²·1152·128 + 16²·1152·256 + 16²·2304·256 + 8²·2304·512 + 8²·4608·512 + 8192·1024 + 1024·10.
        Assert.Contains("8 matrix layers (7 binary, 1 n-bit input, 0 full precision); 615,917,568 MACs", inspect.Output, StringComparison.Ordinal);
        Assert.Contains("vgg8", CliRun.Of("zoo", "list").Output, StringComparison.Ordinal);
    }
}
