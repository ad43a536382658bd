using System.Globalization;

namespace BnnCompiler.Data;

/// <summary>
/// A set of images, all of one size, kept as their 0..255 bytes, stored image after image, each channel-major
/// (planar, the order of one image of an NCHW tensor: <c>Channels·Height·Width</c> bytes), with one label per image
/// or none (<see cref="HasLabels"/>). Immutable: <see cref="Take"/> and <see cref="Select"/> return new data sets.
/// </summary>
public sealed class Dataset
{
    private readonly ReadOnlyMemory<byte> _pixels;
    private readonly byte[]? _labels;

    /// <summary>A labelled grey-scale data set (one channel).</summary>
    public Dataset(string name, int height, int width, ReadOnlyMemory<byte> pixels, byte[] labels, string description)
        : this(name, labels?.Length ?? throw new ArgumentNullException(nameof(labels)), 1, height, width, pixels, labels, description)
    {
    }

    /// <param name="name">Short name for reports (e.g. <c>mnist</c>, or the path the user gave).</param>
    /// <param name="count">Number of images.</param>
    /// <param name="channels">Channels of each image.</param>
    /// <param name="height">Rows of each image.</param>
    /// <param name="width">Columns of each image.</param>
    /// <param name="pixels">All images, <c>count·channels·height·width</c> bytes, each image channel-major, not copied.</param>
    /// <param name="labels">One class per image (not copied), or null for an unlabelled set.</param>
    /// <param name="description">One provenance line for reports.</param>
    public Dataset(string name, int count, int channels, int height, int width, ReadOnlyMemory<byte> pixels, byte[]? labels, string description)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (labels is not null && labels.Length != count)
        {
            throw new ArgumentException($"{labels.Length} labels for {count} images", nameof(labels));
        }

        if ((long)count * channels * height * width != pixels.Length)
        {
            throw new ArgumentException(
                $"{pixels.Length} pixel bytes do not hold {count} images of {channels}×{height}×{width}", nameof(pixels));
        }

        Name = name;
        Count = count;
        Channels = channels;
        Height = height;
        Width = width;
        _pixels = pixels;
        _labels = labels;
        Description = description;
    }

    /// <summary>Short name for reports: a catalogue name (<c>mnist</c>, …) or the path that was loaded.</summary>
    public string Name { get; }

    public int Count { get; }

    /// <summary>Channels per image (1 for grey-scale, 3 for RGB, …).</summary>
    public int Channels { get; }

    public int Height { get; }

    public int Width { get; }

    /// <summary>Bytes per image: <c>Channels·Height·Width</c>.</summary>
    public int ImageSize => Channels * Height * Width;

    /// <summary>All images, <c>Count·ImageSize</c> bytes, image after image, each channel-major then row-major.</summary>
    public ReadOnlyMemory<byte> Pixels => _pixels;

    /// <summary>True when every image has a label.</summary>
    public bool HasLabels => _labels is not null;

    /// <summary>The labels, one per image, or null for an unlabelled set. The array is shared: do not modify it.</summary>
    public byte[]? Labels => _labels;

    /// <summary>One provenance line for reports (source, licence, which part of it).</summary>
    public string Description { get; }

    /// <summary>The <paramref name="index"/>-th image, <see cref="ImageSize"/> bytes 0..255, channel-major.</summary>
    public ReadOnlySpan<byte> Image(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return _pixels.Span.Slice(index * ImageSize, ImageSize);
    }

    /// <summary>The label of image <paramref name="index"/>; throws when the set has no labels (see <see cref="HasLabels"/>).</summary>
    public int Label(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return _labels is null
            ? throw new InvalidOperationException($"data set '{Name}' has no labels")
            : _labels[index];
    }

    /// <summary>Number of images of each label 0..max label; empty for an unlabelled set.</summary>
    public int[] LabelHistogram()
    {
        var histogram = new int[_labels is null || Count == 0 ? 0 : _labels.Max() + 1];
        foreach (var label in _labels ?? [])
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
            count,
            Channels,
            Height,
            Width,
            _pixels[..(count * ImageSize)],
            _labels?[..count],
            string.Create(CultureInfo.InvariantCulture, $"{Description}; first {count:N0} of {Count:N0} images"));
    }

    /// <summary>The images at <paramref name="indices"/>, in that order, as a new data set named <paramref name="name"/>.</summary>
    public Dataset Select(IReadOnlyList<int> indices, string name)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var size = ImageSize;
        var pixels = new byte[(long)indices.Count * size];
        var labels = _labels is null ? null : new byte[indices.Count];
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
            if (labels is not null)
            {
                labels[i] = _labels![index];
            }
        }

        return new Dataset(
            name,
            indices.Count,
            Channels,
            Height,
            Width,
            pixels,
            labels,
            string.Create(CultureInfo.InvariantCulture, $"{indices.Count:N0} images selected from {Name} ({Description})"));
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}: {Count:N0} images {Channels}×{Height}×{Width}{(HasLabels ? "" : ", no labels")}");
}
