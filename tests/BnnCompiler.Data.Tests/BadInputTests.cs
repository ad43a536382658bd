using BnnCompiler.Core.Diagnostics;

namespace BnnCompiler.Data.Tests;

/// <summary>Every bad input gives a DiagnosticException with its code and a message naming the file.</summary>
public class BadInputTests
{
    private static Diagnostic Expect(string code, string mentioned, Action action)
    {
        var exception = Assert.Throws<DiagnosticException>(action);
        var diagnostic = Assert.Single(exception.Diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(mentioned, diagnostic.Message);
        return diagnostic;
    }

    [Theory]
    [InlineData("mnistt")]
    [InlineData("fashion")]
    [InlineData("")]
    public void UnknownNameListsTheKnownNames(string name)
    {
        var diagnostic = Expect("BNN5001", name, () => DatasetCatalog.Load(name));
        foreach (var known in DatasetCatalog.KnownNames)
        {
            Assert.Contains(known, diagnostic.Message);
        }

        Assert.Contains("images-idx3", diagnostic.Message);
        Assert.Contains(".npy", diagnostic.Message);
    }

    [Fact]
    public void ExistingFileOfAnUnsupportedKind()
    {
        using var dir = new TempDir();
        var path = dir.Write("digits.csv", [1, 2, 3]);
        var diagnostic = Expect("BNN5001", path, () => DatasetCatalog.Load(path));
        Assert.Contains("mnist", diagnostic.Message);
    }

    [Fact]
    public void NpyWithoutInputInItsNameHasNoLabels()
    {
        using var dir = new TempDir();
        var path = dir.Write("digits.npy", TempDir.Npy("|u1", [1, 2, 2], new byte[4]));
        var data = DatasetCatalog.Load(path);
        Assert.False(data.HasLabels);
        Assert.Contains("no labels", data.Description);
    }

    [Theory]
    [InlineData("missing-images-idx3-ubyte.gz")]
    [InlineData("missing_input.npy")]
    public void MissingFile(string name)
    {
        using var dir = new TempDir();
        Expect("BNN5002", dir.File(name), () => DatasetCatalog.Load(dir.File(name)));
    }

    [Fact]
    public void MissingIdxLabelsLeaveTheSetUnlabelledAndNameTheFileSought()
    {
        using var dir = new TempDir();
        var images = dir.Write("a-images-idx3-ubyte", TempDir.IdxImages(2));
        var data = DatasetCatalog.Load(images);
        Assert.False(data.HasLabels);
        Assert.Null(data.Labels);
        Assert.Throws<InvalidOperationException>(() => data.Label(0));
        Assert.Contains(dir.File("a-labels-idx1-ubyte"), data.Description);
    }

    [Fact]
    public void MissingNpyLabelsLeaveTheSetUnlabelledAndNameTheFileSought()
    {
        using var dir = new TempDir();
        var input = dir.Write("a_input.npy", TempDir.Npy("|u1", [1, 2, 2], new byte[4]));
        var data = DatasetCatalog.Load(input);
        Assert.False(data.HasLabels);
        Assert.Contains(dir.File("a_expected.npy"), data.Description);
    }

    [Fact]
    public void ExplicitLabelsFileThatIsMissing()
    {
        using var dir = new TempDir();
        var input = dir.Write("a_input.npy", TempDir.Npy("|u1", [1, 2, 2], new byte[4]));
        Expect("BNN5002", dir.File("nope.npy"), () => DatasetCatalog.Load(input, new DataLoadOptions(LabelsPath: dir.File("nope.npy"))));
    }

    [Fact]
    public void IdxBadMagic()
    {
        using var dir = new TempDir();
        var images = dir.Write("a-images-idx3-ubyte", [.. "PNG!"u8, .. new byte[20]]);
        dir.Write("a-labels-idx1-ubyte", TempDir.IdxLabels(2));
        var diagnostic = Expect("BNN5003", images, () => DatasetCatalog.Load(images));
        Assert.Contains("0x00000803", diagnostic.Message);
    }

    [Fact]
    public void IdxLabelsFileGivenAsImages()
    {
        using var dir = new TempDir();
        var images = dir.Write("a-images-idx3-ubyte.gz", TempDir.Gzip(TempDir.IdxLabels(2)));
        var diagnostic = Expect("BNN5003", images, () => DatasetCatalog.Load(images));
        Assert.Contains("1 dimension", diagnostic.Message);
    }

    [Fact]
    public void IdxOfNonByteElements()
    {
        using var dir = new TempDir();
        var bytes = TempDir.IdxImages(2);
        bytes[2] = 0x0B; // 16-bit integer elements
        var images = dir.Write("a-images-idx3-ubyte", bytes);
        var diagnostic = Expect("BNN5003", images, () => DatasetCatalog.Load(images));
        Assert.Contains("0x0B", diagnostic.Message);
        Assert.Contains("float32 (0x0D)", diagnostic.Message);
    }

    [Fact]
    public void IdxWrongLabelsMagic()
    {
        using var dir = new TempDir();
        Expect("BNN5003", dir.File("a-labels-idx1-ubyte"), () => IdxReader.ReadLabels(dir.Write("a-labels-idx1-ubyte", TempDir.IdxImages(2))));
    }

    [Fact]
    public void NpyBadMagic()
    {
        using var dir = new TempDir();
        var input = dir.Write("a_input.npy", TempDir.IdxImages(2));
        Expect("BNN5003", input, () => DatasetCatalog.Load(input));
    }

    [Fact]
    public void NpyUnsupportedVersion()
    {
        using var dir = new TempDir();
        var bytes = TempDir.Npy("|u1", [1, 2, 2], new byte[4]);
        bytes[6] = 9;
        var input = dir.Write("a_input.npy", bytes);
        var diagnostic = Expect("BNN5003", input, () => DatasetCatalog.Load(input));
        Assert.Contains("1.0, 2.0", diagnostic.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(12)]
    [InlineData(39)]
    public void IdxTruncated(int keep)
    {
        using var dir = new TempDir();
        var full = TempDir.IdxImages(4); // 16-byte header + 24 bytes = 40
        var images = dir.Write("a-images-idx3-ubyte", full[..keep]);
        dir.Write("a-labels-idx1-ubyte", TempDir.IdxLabels(4));
        Expect("BNN5004", images, () => DatasetCatalog.Load(images));
    }

    [Fact]
    public void IdxHeaderAnnouncesMoreImagesThanTheFileHolds()
    {
        using var dir = new TempDir();
        var images = dir.Write("a-images-idx3-ubyte.gz", TempDir.Gzip(TempDir.IdxImages(4, announced: 1_000_000)));
        var diagnostic = Expect("BNN5004", images, () => IdxReader.ReadImages(images));
        Assert.Contains("truncated", diagnostic.Message);
    }

    [Fact]
    public void IdxLongerThanItsHeader()
    {
        using var dir = new TempDir();
        var images = dir.Write("a-images-idx3-ubyte", [.. TempDir.IdxImages(4), 0]);
        Expect("BNN5004", images, () => IdxReader.ReadImages(images));
    }

    [Fact]
    public void TruncatedGzipStream()
    {
        using var dir = new TempDir();
        var gz = TempDir.Gzip(TempDir.IdxImages(100, 28, 28));
        var images = dir.Write("a-images-idx3-ubyte.gz", gz[..(gz.Length / 2)]);
        var exception = Assert.Throws<DiagnosticException>(() => IdxReader.ReadImages(images));
        var diagnostic = Assert.Single(exception.Diagnostics);
        Assert.Contains(diagnostic.Code, new[] { "BNN5004", "BNN5008" });
        Assert.Contains(images, diagnostic.Message);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(60)]
    [InlineData(159)]
    public void NpyTruncated(int keep)
    {
        using var dir = new TempDir();
        var full = TempDir.Npy("<f4", [2, 1, 2, 2], TempDir.Floats(new float[8])); // 128-byte header + 32 bytes = 160
        var input = dir.Write("a_input.npy", full[..keep]);
        dir.Write("a_expected.npy", TempDir.Npy("<i8", [2], TempDir.Longs(1, 2)));
        Expect("BNN5004", input, () => DatasetCatalog.Load(input));
    }

    [Fact]
    public void IdxCountMismatch()
    {
        using var dir = new TempDir();
        var images = dir.Write("a-images-idx3-ubyte", TempDir.IdxImages(4));
        var labels = dir.Write("a-labels-idx1-ubyte", TempDir.IdxLabels(3));
        var diagnostic = Expect("BNN5005", images, () => DatasetCatalog.Load(images));
        Assert.Contains(labels, diagnostic.Message);
    }

    [Fact]
    public void NpyCountMismatch()
    {
        using var dir = new TempDir();
        var input = dir.Write("a_input.npy", TempDir.Npy("|u1", [2, 1, 2, 2], new byte[8]));
        var expected = dir.Write("a_expected.npy", TempDir.Npy("<i8", [3], TempDir.Longs(1, 2, 3)));
        var diagnostic = Expect("BNN5005", input, () => DatasetCatalog.Load(input));
        Assert.Contains(expected, diagnostic.Message);
    }

    [Theory]
    [InlineData("<f8", "[2, 1, 2, 2]", "dtype")]
    [InlineData(">f4", "[2, 1, 2, 2]", "dtype")]
    [InlineData("<f4", "[2, 1, 3, 2, 2]", "(N, C, H, W)")]
    [InlineData("<f4", "[2, 3, 0, 2]", "(N, C, H, W)")]
    [InlineData("<f4", "[8]", "(N, H, W)")]
    [InlineData("<i8", "[2, 2, 2]", "float32")]
    public void NpyUnsupportedImages(string descr, string shapeJson, string mentioned)
    {
        using var dir = new TempDir();
        var shape = System.Text.Json.JsonSerializer.Deserialize<int[]>(shapeJson)!;
        var itemSize = descr[^1] - '0';
        var count = shape.Aggregate(1, (a, b) => a * b);
        var input = dir.Write("a_input.npy", TempDir.Npy(descr, shape, new byte[count * itemSize]));
        dir.Write("a_expected.npy", TempDir.Npy("<i8", [2], TempDir.Longs(1, 2)));
        var diagnostic = Expect("BNN5006", input, () => DatasetCatalog.Load(input));
        Assert.Contains(mentioned, diagnostic.Message);
    }

    [Fact]
    public void NpyFortranOrder()
    {
        using var dir = new TempDir();
        var input = dir.Write("a_input.npy", TempDir.Npy("|u1", [2, 2, 2], new byte[8], fortran: true));
        Expect("BNN5006", input, () => DatasetCatalog.Load(input));
    }

    [Fact]
    public void NpyLabelsOfFloat()
    {
        using var dir = new TempDir();
        var input = dir.Write("a_input.npy", TempDir.Npy("|u1", [2, 2, 2], new byte[8]));
        var expected = dir.Write("a_expected.npy", TempDir.Npy("<f4", [2], TempDir.Floats(1, 2)));
        Expect("BNN5006", expected, () => DatasetCatalog.Load(input));
    }

    [Theory]
    [InlineData(0.5f)]
    [InlineData(256f)]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    public void NpyPixelThatIsNotAByte(float bad)
    {
        using var dir = new TempDir();
        var input = dir.Write("a_input.npy", TempDir.Npy("<f4", [1, 1, 2, 2], TempDir.Floats(0, 255, bad, 3)));
        dir.Write("a_expected.npy", TempDir.Npy("<i8", [1], TempDir.Longs(1)));
        var diagnostic = Expect("BNN5007", input, () => DatasetCatalog.Load(input));
        Assert.Contains("element 2", diagnostic.Message);
        Assert.Contains("0..255", diagnostic.Message);
    }

    [Fact]
    public void NpyLabelOutOfRange()
    {
        using var dir = new TempDir();
        var input = dir.Write("a_input.npy", TempDir.Npy("|u1", [2, 2, 2], new byte[8]));
        var expected = dir.Write("a_expected.npy", TempDir.Npy("<i8", [2], TempDir.Longs(3, -1)));
        Expect("BNN5007", expected, () => DatasetCatalog.Load(input));
    }

    [Fact]
    public void CorruptGzip()
    {
        using var dir = new TempDir();
        var images = dir.Write("a-images-idx3-ubyte.gz", [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
        Expect("BNN5008", images, () => DatasetCatalog.Load(images));
    }

    [Fact]
    public void UnreadableDirectoryGivenAsImagesFile()
    {
        using var dir = new TempDir();
        var path = dir.File("a-images-idx3-ubyte");
        Directory.CreateDirectory(path);
        Expect("BNN5008", path, () => DatasetCatalog.Load(path));
    }

    [Fact]
    public void FashionMnistTrainNotInstalled()
    {
        using var dir = new TempDir();
        var expected = $"fashion-mnist training images not found at {dir.File("train-images-idx3-ubyte.gz")}; " +
            "install them with: apt-get install dataset-fashion-mnist";
        var diagnostic = Expect("BNN5009", expected, () => DatasetCatalog.LoadFashionMnistTrain(dir.Path));
        Assert.Equal(expected, diagnostic.Message);
    }

    [Fact]
    public void FashionMnistTrainMessageNamesTheDebianPath()
    {
        Assert.Equal("/usr/share/datasets/fashion-mnist", DatasetCatalog.FashionMnistDirectory);
        Assert.Equal("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz", TestPaths.FashionTrainImages);
    }
}
