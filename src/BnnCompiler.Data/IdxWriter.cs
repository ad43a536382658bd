using System.Buffers.Binary;
using System.IO.Compression;

namespace BnnCompiler.Data;

/// <summary>Writes unsigned-byte IDX files (gzipped when the path ends in <c>.gz</c>), the inverse of <see cref="IdxReader"/>.</summary>
public static class IdxWriter
{
    public static void WriteImages(Stream stream, int count, int height, int width, ReadOnlySpan<byte> pixels)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if ((long)count * height * width != pixels.Length)
        {
            throw new ArgumentException($"{pixels.Length} bytes are not {count} images of {height}×{width}", nameof(pixels));
        }

        Span<byte> header = stackalloc byte[16];
        BinaryPrimitives.WriteInt32BigEndian(header, IdxReader.ImagesMagic);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], count);
        BinaryPrimitives.WriteInt32BigEndian(header[8..], height);
        BinaryPrimitives.WriteInt32BigEndian(header[12..], width);
        stream.Write(header);
        stream.Write(pixels);
    }

    public static void WriteLabels(Stream stream, ReadOnlySpan<byte> labels)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(header, IdxReader.LabelsMagic);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], labels.Length);
        stream.Write(header);
        stream.Write(labels);
    }

    /// <summary>Writes the images and the labels of <paramref name="dataset"/> to two files.</summary>
    public static void Write(Dataset dataset, string imagesPath, string labelsPath)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        using (var images = Create(imagesPath))
        {
            WriteImages(images, dataset.Count, dataset.Height, dataset.Width, dataset.Pixels.Span);
        }

        using var labels = Create(labelsPath);
        WriteLabels(labels, dataset.Labels ?? throw new ArgumentException($"data set {dataset.Name} has no labels to write", nameof(dataset)));
    }

    private static Stream Create(string path)
    {
        var file = File.Create(path);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionLevel.SmallestSize, leaveOpen: false)
            : file;
    }
}
