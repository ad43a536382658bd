using System.Security.Cryptography;
using Google.Protobuf;
using Onnx;

namespace BnnCompiler.Zoo.Tests;

public sealed class GenerateTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bnnc-zoo-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Should_Write_Identical_Bytes_For_The_Same_Seed()
    {
        var a = Path.Combine(_directory, "a.onnx");
        var b = Path.Combine(_directory, "sub", "b.onnx");
        var c = Path.Combine(_directory, "c.onnx");
        ImageNetZoo.Generate("bdensenet28", 5, a);
        ImageNetZoo.Generate("bdensenet28", 5, b);
        ImageNetZoo.Generate("bdensenet28", 6, c);

        var bytes = File.ReadAllBytes(a);
        Assert.Equal(bytes, File.ReadAllBytes(b));
        Assert.NotEqual(bytes, File.ReadAllBytes(c));
        Assert.Equal(bytes, ImageNetZoo.Build("bdensenet28", 5).ToByteArray());

        // Atomic write: only the targets remain, no temporary files.
        Assert.Equal(["a.onnx", "c.onnx"], Directory.GetFiles(_directory).Select(Path.GetFileName).Order());
        Assert.Equal(["b.onnx"], Directory.GetFiles(Path.Combine(_directory, "sub")).Select(Path.GetFileName));
    }

    [Fact]
    public void Should_Replace_An_Existing_File_With_A_Model_That_Reads_Back()
    {
        var path = Path.Combine(_directory, "m.onnx");
        File.WriteAllText(path, "old");
        ImageNetZoo.Generate("bdensenet28", ImageNetZoo.DefaultSeed, path);

        using var stream = File.OpenRead(path);
        var model = ModelProto.Parser.ParseFrom(stream);
        Assert.Equal("bdensenet28", model.Graph.Name);
        Assert.Equal(28, model.Graph.Node.Count(n => n.OpType is "Conv" or "Gemm"));
    }

    [Fact]
    public void Should_Keep_The_Generated_Values_Fixed_Across_Runtimes()
    {
        // A digest of every initializer's name and bytes for seed 0. It changes only if the PRNG, the
        // architecture or the parameter draws change; a new .NET or protobuf version must leave it alone.
        var model = ImageNetZoo.Build("bdensenet28", 0);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var t in model.Graph.Initializer)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(t.Name));
            sha.AppendData(t.RawData.Span);
        }

        Assert.Equal(PinnedDigest, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    private const string PinnedDigest = "a45607e9f7d55694228e0b64efc50255763b65a703f0f5e558c229e211a38f11";
}
