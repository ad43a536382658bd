using System.Buffers.Binary;
using System.Text;

namespace BnnCompiler.Data;

/// <summary>
/// Writes NumPy .npy files (format 1.0, C order, little-endian): uint8, float32 or int64 arrays, the inverse of
/// <see cref="NpyReader"/>. The header is padded so that the data starts at a multiple of 64 bytes, as NumPy does.
/// </summary>
public static class NpyWriter
{
    public static void Write(string path, IReadOnlyList<int> shape, ReadOnlySpan<byte> uint8) =>
        File.WriteAllBytes(path, Encode("|u1", shape, uint8.Length, uint8.ToArray()));

    public static void Write(string path, IReadOnlyList<int> shape, ReadOnlySpan<float> float32)
    {
        var data = new byte[float32.Length * 4];
        for (var i = 0; i < float32.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(4 * i), float32[i]);
        }

        File.WriteAllBytes(path, Encode("<f4", shape, float32.Length, data));
    }

    public static void Write(string path, IReadOnlyList<int> shape, ReadOnlySpan<long> int64)
    {
        var data = new byte[int64.Length * 8];
        for (var i = 0; i < int64.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(data.AsSpan(8 * i), int64[i]);
        }

        File.WriteAllBytes(path, Encode("<i8", shape, int64.Length, data));
    }

    private static byte[] Encode(string descr, IReadOnlyList<int> shape, int count, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Aggregate(1L, (a, d) => a * d) != count)
        {
            throw new ArgumentException($"shape {NpyArray.FormatShape(shape)} does not hold {count} values", nameof(shape));
        }

        var dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {NpyArray.FormatShape(shape)}, }}";
        const int prefix = 10; // magic, version, 2-byte header length
        var length = ((prefix + dict.Length + 1 + 63) / 64 * 64) - prefix;
        var header = Encoding.ASCII.GetBytes(dict.PadRight(length - 1) + "\n");
        var bytes = new byte[prefix + header.Length + data.Length];
        bytes[0] = 0x93;
        Encoding.ASCII.GetBytes("NUMPY").CopyTo(bytes, 1);
        bytes[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)header.Length);
        header.CopyTo(bytes, prefix);
        data.CopyTo(bytes, prefix + header.Length);
        return bytes;
    }
}
