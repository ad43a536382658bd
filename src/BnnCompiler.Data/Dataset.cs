using System.Globalization;

namespace BnnCompiler.Data;

/// <summary>
/// A labelled set of single-channel images, kept as their 0..255 bytes, all of one size, stored row-major
/// image after image (<c>Count·Height·Width</c> bytes). Immutable: <see cref="Take"/> and
/// <see cref="Select"/> return new data sets.
/// </summary>
public sealed class Dataset
{
    private readonly ReadOnlyMemory<byte> _pixels;
    private readonly byte[] _labels;

    /// <param name="name">Short name for reports (e.g. <c>mnist</c>, or the path the user gave).</param>
    /// <param name="height">Rows of each image.</param>
    /// <param name="width">Columns of each image.</param>
    /// <param name="pixels">All images, <c>labels.Length·height·width</c> bytes, not copied.</param>
    /// <param name="labels">One class per image, not copied.</param>
    /// <param name="description">One provenance line for reports.</param>
    public Dataset(string name, int height, int width, ReadOnlyMemory<byte> pixels, byte[] labels, string description)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if ((long)labels.Length * height * width != pixels.Length)
        {
            throw new ArgumentException(
                $"{pixels.Length} pixel bytes do not hold {labels.Length} images of {height}×{width}", nameof(pixels));
        }

        Name = name;
        Height = height;
        Width = width;
        _pixels = pixels;
        _labels = labels;
        Description = description;
    }

    /// <summary>Short name for reports: a catalogue name (<c>mnist</c>, …) or the path that was loaded.</summary>
    public string Name { get; }

    public int Count => _labels.Length;

    public int Height { get; }

    public int Width { get; }

    /// <summary>Always 1: the data sets here are grey-scale.</summary>
    public int Channels => 1;

    /// <summary>Bytes per image: <c>Channels·Height·Width</c>.</summary>
    public int ImageSize => Height * Width;

    /// <summary>All images, <c>Count·Height·Width</c> bytes, image after image, each row-major.</summary>
    public ReadOnlyMemory<byte> Pixels => _pixels;

    /// <summary>The labels, one per image. The array is shared, not copied: do not modify it.</summary>
    public byte[] Labels => _labels;

    /// <summary>One provenance line for reports (source, licence, which part of it).</summary>
    public string Description { get; }

    /// <summary>The <paramref name="index"/>-th image, <c>Height·Width</c> bytes 0..255, row-major.</summary>
    public ReadOnlySpan<byte> Image(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return _pixels.Span.Slice(index * ImageSize, ImageSize);
    }

    public int Label(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return _labels[index];
    }

    /// <summary>Number of images of each label 0..max label.</summary>
    public int[] LabelHistogram()
    {
        var histogram = new int[Count == 0 ? 0 : _labels.Max() + 1];
        foreach (var label in _labels)
        {
            histogram[label]++;
        }

        return histogram;
    }

    /// <summary>
    /// The first <paramref name="count"/> images (all of them when <paramref name="count"/> ≥ <see cref="Count"/>).
    /// Shares the pixel memory.
    /// </summary>
    public Dataset Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count >= Count)
        {
            return this;
        }

        return new Dataset(
            Name,
            Height,
            Width,
            _pixels[..(count * ImageSize)],
            _labels[..count],
            string.Create(CultureInfo.InvariantCulture, $"{Description}; first {count:N0} of {Count:N0} images"));
    }

    /// <summary>The images at <paramref name="indices"/>, in that order, as a new data set named <paramref name="name"/>.</summary>
    public Dataset Select(IReadOnlyList<int> indices, string name)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var size = ImageSize;
        var pixels = new byte[(long)indices.Count * size];
        var labels = new byte[indices.Count];
        var source = _pixels.Span;
        for (var i = 0; i < indices.Count; i++)
        {
            var index = indices[i];
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(indices), index, $"index {index} is outside 0..{Count - 1} of data set '{Name}'");
            }

            source.Slice(index * size, size).CopyTo(pixels.AsSpan(i * size, size));
            labels[i] = _labels[index];
        }

        return new Dataset(
            name,
            Height,
            Width,
            pixels,
            labels,
            string.Create(CultureInfo.InvariantCulture, $"{indices.Count:N0} images selected from {Name} ({Description})"));
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}: {Count:N0} images {Height}×{Width}×{Channels}");
}
