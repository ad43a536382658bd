using System.Buffers.Binary;
using BnnCompiler.Core.Diagnostics;

namespace BnnCompiler.Data.Tests;

/// <summary>Images of any channel count and size, NCHW or NHWC, uint8 or float32, with labels or without.</summary>
public class ChannelImagesTests
{
    private const int N = 2, C = 3, H = 4, W = 5;

    /// <summary>The pixel (n, c, y, x) of the reference images, every value distinct modulo 256 within an image.</summary>
    private static byte Pixel(int n, int c, int y, int x) => (byte)((n * 61) + (c * 20) + (y * 5) + x);

    private static byte[] Nchw() => Fill((n, c, y, x) => Pixel(n, c, y, x), nchw: true);

    private static byte[] Nhwc() => Fill((n, c, y, x) => Pixel(n, c, y, x), nchw: false);

    private static byte[] Fill(Func<int, int, int, int, byte> pixel, bool nchw)
    {
        var bytes = new byte[N * C * H * W];
        for (var n = 0; n < N; n++)
        {
            for (var c = 0; c < C; c++)
            {
                for (var y = 0; y < H; y++)
                {
                    for (var x = 0; x < W; x++)
                    {
                        var at = nchw ? (((((n * C) + c) * H) + y) * W) + x : (((((n * H) + y) * W) + x) * C) + c;
                        bytes[at] = pixel(n, c, y, x);
                    }
                }
            }
        }

        return bytes;
    }

    private static void AssertReference(Dataset data)
    {
        Assert.Equal((N, C, H, W), (data.Count, data.Channels, data.Height, data.Width));
        Assert.Equal(Nchw(), data.Pixels.ToArray());
    }

    [Fact]
    public void NchwAndNhwcFilesGiveTheSameChannelMajorImages()
    {
        using var dir = new TempDir();
        var nchw = dir.Write("nchw_input.npy", TempDir.Npy("|u1", [N, C, H, W], Nchw()));
        var nhwc = dir.Write("nhwc_input.npy", TempDir.Npy("|u1", [N, H, W, C], Nhwc()));
        var model = new DataLoadOptions(ModelInput: [C, H, W]);
        AssertReference(DatasetCatalog.Load(nchw, model));
        AssertReference(DatasetCatalog.Load(nhwc, model));
        AssertReference(DatasetCatalog.Load(nhwc, new DataLoadOptions(DataLayout.Nhwc)));
        AssertReference(DatasetCatalog.Load(nchw, new DataLoadOptions(DataLayout.Nchw)));
        Assert.Contains("NHWC", DatasetCatalog.Load(nhwc, model).Description);
    }

    [Fact]
    public void WithoutAModelTheChannelAxisIsTheSmallLastOneOrElseTheSecond()
    {
        using var dir = new TempDir();
        AssertReference(DatasetCatalog.Load(dir.Write("a_input.npy", TempDir.Npy("|u1", [N, H, W, C], Nhwc()))));
        AssertReference(DatasetCatalog.Load(dir.Write("b_input.npy", TempDir.Npy("|u1", [N, C, H, W], Nchw()))));
    }

    [Fact]
    public void AnExplicitLayoutWins()
    {
        using var dir = new TempDir();
        var path = dir.Write("a_input.npy", TempDir.Npy("|u1", [N, C, H, W], Nchw()));
        var data = DatasetCatalog.Load(path, new DataLoadOptions(DataLayout.Nhwc));
        Assert.Equal((W, C, H), (data.Channels, data.Height, data.Width));
        Assert.Equal(Pixel(1, 2, 3, 4), data.Image(1)[(4 * C * H) + (2 * H) + 3]); // channel 4, row 2, column 3 of the file's (C, H, W) = (3, 4, 5) axes
    }

    [Fact]
    public void Float32IntegersAndUnitValuesReadAsTheSameCodes()
    {
        using var dir = new TempDir();
        var codes = Nchw();
        var integers = dir.Write("i_input.npy", TempDir.Npy("<f4", [N, C, H, W], TempDir.Floats([.. codes.Select(b => (float)b)])));
        var unit = dir.Write("u_input.npy", TempDir.Npy("<f4", [N, H, W, C], TempDir.Floats([.. Nhwc().Select(b => (float)(b / 255.0))])));
        AssertReference(DatasetCatalog.Load(integers));
        var fromUnit = DatasetCatalog.Load(unit);
        AssertReference(fromUnit);
        Assert.Contains("k/255", fromUnit.Description);
    }

    [Fact]
    public void IdxImagesOfRankFourBytesAndFloats()
    {
        using var dir = new TempDir();
        var bytes = dir.Write("c-images-idx4-ubyte", Idx4(0x08, Nhwc(), [N, H, W, C]));
        dir.Write("c-labels-idx1-ubyte", TempDir.IdxLabels(N));
        var data = DatasetCatalog.Load(bytes, new DataLoadOptions(ModelInput: [C, H, W]));
        AssertReference(data);
        Assert.Equal([0, 1], data.Labels);

        var floats = new byte[Nchw().Length * 4];
        var codes = Nchw();
        for (var i = 0; i < codes.Length; i++)
        {
            BinaryPrimitives.WriteSingleBigEndian(floats.AsSpan(4 * i), codes[i]);
        }

        var floatFile = dir.Write("f-images-idx4-float.gz", TempDir.Gzip(Idx4(0x0D, floats, [N, C, H, W])));
        var fromFloats = DatasetCatalog.Load(floatFile);
        AssertReference(fromFloats);
        Assert.False(fromFloats.HasLabels);
    }

    [Fact]
    public void ExplicitLabelsFilesOfBothKinds()
    {
        using var dir = new TempDir();
        var images = dir.Write("pictures.npy", TempDir.Npy("|u1", [N, C, H, W], Nchw()));
        var npy = dir.Write("classes.npy", TempDir.Npy("<i8", [N], TempDir.Longs(4, 9)));
        var idx = dir.Write("classes-idx1", TempDir.IdxLabels(N));
        Assert.Equal([4, 9], DatasetCatalog.Load(images, new DataLoadOptions(LabelsPath: npy)).Labels);
        Assert.Equal([0, 1], DatasetCatalog.Load(images, new DataLoadOptions(LabelsPath: idx)).Labels);
        var wrong = dir.Write("three.npy", TempDir.Npy("<i8", [3], TempDir.Longs(1, 2, 3)));
        var e = Assert.Throws<DiagnosticException>(() => DatasetCatalog.Load(images, new DataLoadOptions(LabelsPath: wrong)));
        Assert.Equal("BNN5005", e.Diagnostics[0].Code);
    }

    [Theory]
    [InlineData(new[] { N, C, W, H })]
    [InlineData(new[] { N, 1, H, W })]
    public void ShapesThatFitTheModelNeitherWayAreRefused(int[] shape)
    {
        using var dir = new TempDir();
        var path = dir.Write("a_input.npy", TempDir.Npy("|u1", shape, new byte[shape.Aggregate(1, (a, b) => a * b)]));
        var e = Assert.Throws<DiagnosticException>(() => DatasetCatalog.Load(path, new DataLoadOptions(ModelInput: [C, H, W])));
        Assert.Equal("BNN5010", e.Diagnostics[0].Code);
        Assert.Contains(path, e.Diagnostics[0].Message);
        Assert.Contains("3×4×5", e.Diagnostics[0].Message);
    }

    [Fact]
    public void TakeAndSelectKeepChannelsAndTheAbsenceOfLabels()
    {
        using var dir = new TempDir();
        var data = DatasetCatalog.Load(dir.Write("a.npy", TempDir.Npy("|u1", [N, C, H, W], Nchw())));
        var second = data.Select([1], "second");
        Assert.Equal(3, second.Channels);
        Assert.False(second.HasLabels);
        Assert.Equal(data.Image(1).ToArray(), second.Image(0).ToArray());
        Assert.Equal(data.Image(0).ToArray(), data.Take(1).Image(0).ToArray());
        Assert.Empty(data.LabelHistogram());
    }

    [Fact]
    public void ImageNetSizedImagesLoad()
    {
        using var dir = new TempDir();
        var pixels = new byte[2 * 224 * 224 * 3];
        new Random(7).NextBytes(pixels);
        var data = DatasetCatalog.Load(dir.Write("big_input.npy", TempDir.Npy("|u1", [2, 224, 224, 3], pixels)), new DataLoadOptions(ModelInput: [3, 224, 224]));
        Assert.Equal((2, 3, 224, 224), (data.Count, data.Channels, data.Height, data.Width));
        Assert.Equal(pixels[(((224 * 100) + 17) * 3) + 2], data.Image(0)[(2 * 224 * 224) + (224 * 100) + 17]);
    }

    private static byte[] Idx4(byte type, byte[] data, int[] dims)
    {
        var bytes = new byte[4 + (4 * dims.Length) + data.Length];
        bytes[2] = type;
        bytes[3] = (byte)dims.Length;
        for (var i = 0; i < dims.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + (4 * i)), dims[i]);
        }

        data.CopyTo(bytes, 4 + (4 * dims.Length));
        return bytes;
    }
}
