using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace BnnCompiler.Data.Tests;

/// <summary>A fresh temporary directory, deleted on dispose, with writers of small IDX and .npy files.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bnnc-data-tests-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, byte[] bytes)
    {
        var path = File(name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest))
        {
            gz.Write(bytes);
        }

        return output.ToArray();
    }

    /// <summary>An IDX images file: count images of h×w, pixel (i, k) = (i·7 + k) mod 256.</summary>
    public static byte[] IdxImages(int count, int h = 3, int w = 2, int? announced = null)
    {
        var pixels = new byte[count * h * w];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)((i / (h * w) * 7) + (i % (h * w)));
        }

        using var stream = new MemoryStream();
        IdxWriter.WriteImages(stream, count, h, w, pixels);
        var bytes = stream.ToArray();
        if (announced is { } n)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), n);
        }

        return bytes;
    }

    public static byte[] IdxLabels(int count)
    {
        using var stream = new MemoryStream();
        IdxWriter.WriteLabels(stream, Enumerable.Range(0, count).Select(i => (byte)(i % 10)).ToArray());
        return stream.ToArray();
    }

    /// <summary>A .npy file with the given descr, shape and raw little-endian data.</summary>
    public static byte[] Npy(string descr, int[] shape, byte[] data, int major = 1, bool fortran = false)
    {
        var shapeText = shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
        var dict = $"{{'descr': '{descr}', 'fortran_order': {(fortran ? "True" : "False")}, 'shape': {shapeText}, }}";
        var prefix = major == 1 ? 10 : 12;
        var padded = dict.PadRight(((prefix + dict.Length + 1 + 63) / 64 * 64) - prefix - 1) + "\n";
        using var stream = new MemoryStream();
        stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', (byte)major, 0]);
        Span<byte> length = stackalloc byte[4];
        if (major == 1)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)padded.Length);
            stream.Write(length[..2]);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)padded.Length);
            stream.Write(length);
        }

        stream.Write(Encoding.Latin1.GetBytes(padded));
        stream.Write(data);
        return stream.ToArray();
    }

    public static byte[] Floats(params float[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * i), values[i]);
        }

        return bytes;
    }

    public static byte[] Longs(params long[] values)
    {
        var bytes = new byte[values.Length * 8];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8 * i), values[i]);
        }

        return bytes;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
