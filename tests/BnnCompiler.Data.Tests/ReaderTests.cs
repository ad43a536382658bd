namespace BnnCompiler.Data.Tests;

public class ReaderTests
{
    [Theory]
    [InlineData("x-images-idx3-ubyte", "x-labels-idx1-ubyte")]
    [InlineData("x-images-idx3-ubyte.gz", "x-labels-idx1-ubyte.gz")]
    [InlineData("x-images-idx3-ubyte.gz", "x-labels-idx1-ubyte")]
    [InlineData("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte.gz")]
    public void IdxFilesLoadByPathPlainOrGzipped(string imagesName, string labelsName)
    {
        using var dir = new TempDir();
        var images = TempDir.IdxImages(5, h: 3, w: 2);
        var labels = TempDir.IdxLabels(5);
        var imagesPath = dir.Write(imagesName, imagesName.EndsWith(".gz", StringComparison.Ordinal) ? TempDir.Gzip(images) : images);
        dir.Write(labelsName, labelsName.EndsWith(".gz", StringComparison.Ordinal) ? TempDir.Gzip(labels) : labels);

        var dataset = DatasetCatalog.Load(imagesPath);
        Assert.Equal(imagesPath, dataset.Name);
        Assert.Equal((5, 3, 2), (dataset.Count, dataset.Height, dataset.Width));
        Assert.Equal(images[16..], dataset.Pixels.ToArray());
        Assert.Equal(labels[8..], dataset.Labels);
        Assert.Equal([21, 22, 23, 24, 25, 26], dataset.Image(3).ToArray());
        Assert.Contains(imagesPath, dataset.Description);
    }

    [Fact]
    public void IdxWriterRoundTripsADataSet()
    {
        using var dir = new TempDir();
        var source = DatasetCatalog.Load("fashion-mnist").Take(50);
        IdxWriter.Write(source, dir.File("f-images-idx3-ubyte.gz"), dir.File("f-labels-idx1-ubyte.gz"));
        var back = DatasetCatalog.Load(dir.File("f-images-idx3-ubyte.gz"));
        Assert.Equal(source.Pixels.ToArray(), back.Pixels.ToArray());
        Assert.Equal(source.Labels, back.Labels);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void NpyFloat32ImagesWithInt64LabelsLoad(int version)
    {
        using var dir = new TempDir();
        var pixels = Enumerable.Range(0, 2 * 4 * 3).Select(i => (float)(i * 10 % 256)).ToArray();
        var input = dir.Write("set_input.npy", TempDir.Npy("<f4", [2, 1, 4, 3], TempDir.Floats(pixels), version));
        dir.Write("set_expected.npy", TempDir.Npy("<i8", [2], TempDir.Longs(9, 3), version));

        var dataset = DatasetCatalog.Load(input);
        Assert.Equal((2, 4, 3), (dataset.Count, dataset.Height, dataset.Width));
        Assert.Equal(pixels.Select(p => (byte)p), dataset.Pixels.ToArray());
        Assert.Equal([9, 3], dataset.Labels);
    }

    [Fact]
    public void NpyUInt8ImagesOfShapeNHWLoad()
    {
        using var dir = new TempDir();
        var pixels = Enumerable.Range(0, 3 * 2 * 2).Select(i => (byte)(250 + i % 6)).ToArray();
        var input = dir.Write("u8_input.npy", TempDir.Npy("|u1", [3, 2, 2], pixels));
        dir.Write("u8_expected.npy", TempDir.Npy("<i8", [3], TempDir.Longs(0, 1, 2)));

        var dataset = DatasetCatalog.Load(input);
        Assert.Equal((3, 2, 2), (dataset.Count, dataset.Height, dataset.Width));
        Assert.Equal(pixels, dataset.Pixels.ToArray());
    }

    [Fact]
    public void NpyReaderReportsShapeAndType()
    {
        using var dir = new TempDir();
        var path = dir.Write("a.npy", TempDir.Npy("<i8", [4], TempDir.Longs(7, 2, 1, 0)));
        var array = NpyReader.Read(path);
        Assert.Equal(NpyDType.Int64, array.DType);
        Assert.Equal([4], array.Shape);
        Assert.Equal("(4,)", array.ShapeText);
        Assert.Equal([7L, 2, 1, 0], array.Int64!);
    }

    [Fact]
    public void NpyReaderReadsFinnsExpectedLabels()
    {
        var labels = NpyReader.Read(TestPaths.First4Expected);
        Assert.Equal(NpyDType.Int64, labels.DType);
        Assert.Equal([7L, 2, 1, 0], labels.Int64!);
    }
}
