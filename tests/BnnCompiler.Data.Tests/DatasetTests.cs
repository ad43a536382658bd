namespace BnnCompiler.Data.Tests;

public class DatasetTests
{
    private static Dataset Small() =>
        new("small", 2, 2, Enumerable.Range(0, 12).Select(i => (byte)i).ToArray(), [5, 6, 7], "three test images");

    [Fact]
    public void ImageAndLabelIndexTheImages()
    {
        var dataset = Small();
        Assert.Equal(3, dataset.Count);
        Assert.Equal(4, dataset.ImageSize);
        Assert.Equal([4, 5, 6, 7], dataset.Image(1).ToArray());
        Assert.Equal(7, dataset.Label(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => dataset.Label(3));
    }

    [Fact]
    public void TakeKeepsTheFirstImages()
    {
        var dataset = Small();
        var two = dataset.Take(2);
        Assert.Equal(2, two.Count);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], two.Pixels.ToArray());
        Assert.Equal([5, 6], two.Labels);
        Assert.Equal("small", two.Name);
        Assert.Contains("first 2 of 3", two.Description);
        Assert.Same(dataset, dataset.Take(10));
        Assert.Equal(0, dataset.Take(0).Count);
    }

    [Fact]
    public void SelectPicksImagesInTheGivenOrder()
    {
        var picked = Small().Select([2, 0], "picked");
        Assert.Equal("picked", picked.Name);
        Assert.Equal([8, 9, 10, 11, 0, 1, 2, 3], picked.Pixels.ToArray());
        Assert.Equal([7, 5], picked.Labels);
        Assert.Throws<ArgumentOutOfRangeException>(() => Small().Select([3], "bad"));
    }

    [Fact]
    public void ConstructorChecksThePixelCount() =>
        Assert.Throws<ArgumentException>(() => new Dataset("x", 2, 2, new byte[11], [1, 2, 3], "d"));

    [Fact]
    public void TakeOfMnistSharesMemoryAndKeepsTheProvenance()
    {
        var mnist = DatasetCatalog.Load("mnist");
        var first = mnist.Take(100);
        Assert.Equal(100, first.Count);
        Assert.True(first.Image(99).SequenceEqual(mnist.Image(99)));
        Assert.StartsWith(mnist.Description, first.Description);
    }
}
