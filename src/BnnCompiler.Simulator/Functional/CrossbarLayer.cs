using System.Numerics;
using BnnCompiler.Core.Analysis;
using BnnCompiler.Core.Interpretation;
using BnnCompiler.Core.Ir.Nodes;
using BnnCompiler.Hardware;

namespace BnnCompiler.Simulator.Functional;

/// <summary>
/// A binary layer executed as the crossbar computes it. The weight matrix [K rows, N columns] is cut into
/// row blocks of R weight rows (one subarray each, two cells per weight). For each output pixel, each
/// block and each input bit-plane, both cells of a weight are driven by the input bit and its complement,
/// so column n carries m = #matches between the bit-plane (as ±1) and the weights over the driven rows.
/// The ADC reads m (see <see cref="AdcQuantizer"/>) per block, before any digital accumulation; then
/// Σ_k w·b = m̂ − #(−1 weights on driven rows), planes recombine by shift-and-add (2^j) and blocks by
/// addition. Input values v = Scale·c + Offset give Σ w·v = Scale·Σ w·c + Offset·Σ w (the second term is
/// digital). With an exact ADC and full input precision the result equals the integer dot product.
/// </summary>
public sealed class CrossbarLayer : IBinaryLayerExecutor
{
    private readonly BinaryLinearNode _node;
    private readonly ValueEncoding _encoding;
    private readonly ReadoutSpec _readout;
    private readonly bool _quantizeInput;
    private readonly Im2Col _im2col;
    private readonly int _rowsPerBlock;
    private readonly int _blocks;
    private readonly int _wordsPerBlock;
    private readonly ulong[] _weights;     // [N, blocks, wordsPerBlock], bit = 1 for +1
    private readonly int[] _negatives;     // [N, blocks]: −1 weights in the block column
    private readonly AdcQuantizer[] _adc;  // per block (the last block may be shorter)
    private readonly int[] _blockRows;     // weight rows of each block
    private readonly int[] _rowBlock;      // per weight row: its block
    private readonly int[] _rowWord;       // per weight row: its word in a plane's bit vector
    private readonly ulong[] _rowMask;     // per weight row: its bit in that word

    public CrossbarLayer(BinaryLinearNode node, ValueEncoding inputEncoding, bool isImageInput, HardwareSpec spec)
    {
        _node = node;
        _encoding = inputEncoding;
        _readout = spec.Readout;
        _quantizeInput = isImageInput && inputEncoding.Bits > spec.Readout.InputBits;
        _im2col = Im2Col.For(node.Layout);
        _rowsPerBlock = spec.WeightRowsPerSubarray;
        var k = node.Layout.Rows;
        var n = node.Layout.Columns;
        _blocks = (k + _rowsPerBlock - 1) / _rowsPerBlock;
        _wordsPerBlock = (_rowsPerBlock + 63) / 64;
        _weights = new ulong[n * _blocks * _wordsPerBlock];
        _negatives = new int[n * _blocks];
        for (var col = 0; col < n; col++)
        {
            for (var row = 0; row < k; row++)
            {
                var (block, offset) = Math.DivRem(row, _rowsPerBlock);
                if (node.Signs[(col * k) + row] > 0)
                {
                    _weights[(((col * _blocks) + block) * _wordsPerBlock) + (offset >> 6)] |= 1UL << (offset & 63);
                }
                else
                {
                    _negatives[(col * _blocks) + block]++;
                }
            }
        }

        _adc = Enumerable.Range(0, _blocks)
            .Select(b => new AdcQuantizer(spec.Readout.AdcBits, Math.Min(_rowsPerBlock, k - (b * _rowsPerBlock))))
            .ToArray();
        _blockRows = Enumerable.Range(0, _blocks).Select(b => Math.Min(_rowsPerBlock, k - (b * _rowsPerBlock))).ToArray();
        _rowBlock = new int[k];
        _rowWord = new int[k];
        _rowMask = new ulong[k];
        for (var row = 0; row < k; row++)
        {
            var (block, offset) = Math.DivRem(row, _rowsPerBlock);
            _rowBlock[row] = block;
            _rowWord[row] = (block * _wordsPerBlock) + (offset >> 6);
            _rowMask[row] = 1UL << (offset & 63);
        }

        Counters = new LayerCounters(node.Name);
    }

    public LayerCounters Counters { get; }

    /// <summary>True when every block's ADC reads every count exactly and inputs keep full precision.</summary>
    public bool IsExact => !_quantizeInput && _adc.All(a => a.IsExact);

    public void Execute(ReadOnlySpan<float> input, float[] output)
    {
        var codes = new int[input.Length];
        for (var i = 0; i < input.Length; i++)
        {
            codes[i] = (int)MathF.Round((input[i] - _encoding.Offset) / _encoding.Scale);
        }

        var (applied, origin, step) = _quantizeInput ? InputQuantization.Apply(codes, _encoding.Bits, _readout) : (codes, 0.0, 1.0);
        var planes = _quantizeInput ? _readout.InputBits : _encoding.Bits;
        var scale = _encoding.Scale * step;
        var constant = (_encoding.Scale * origin) + _encoding.Offset;

        var n = _node.Layout.Columns;
        var k = _node.Layout.Rows;
        var pixels = _im2col.Pixels;
        var wpb = _wordsPerBlock;
        var words = _blocks * wpb;
        var bits = new ulong[planes * words];
        var valid = new ulong[words];
        var validRows = new int[_blocks];
        var table = _im2col.Table;
        long reads = 0, rowsDriven = 0, matched = 0;
        for (var p = 0; p < pixels; p++)
        {
            Array.Clear(bits);
            Array.Clear(valid);
            Array.Clear(validRows);
            var rowBase = p * k;
            for (var r = 0; r < k; r++)
            {
                var index = table[rowBase + r];
                if (index < 0)
                {
                    continue;
                }

                var word = _rowWord[r];
                var bit = _rowMask[r];
                valid[word] |= bit;
                validRows[_rowBlock[r]]++;
                var code = applied[index];
                for (var j = 0; j < planes && code != 0; j++, code >>= 1)
                {
                    if ((code & 1) != 0)
                    {
                        bits[(j * words) + word] |= bit;
                    }
                }
            }

            for (var b = 0; b < _blocks; b++)
            {
                rowsDriven += (long)planes * validRows[b];
            }

            reads += (long)_blocks * planes;
            for (var col = 0; col < n; col++)
            {
                var sum = 0.0;
                var signedValid = 0L;
                var columnBase = col * _blocks;
                for (var b = 0; b < _blocks; b++)
                {
                    var wBase = (columnBase + b) * wpb;
                    var vBase = b * wpb;
                    var negatives = validRows[b] == _blockRows[b] ? _negatives[columnBase + b] : CountNegatives(valid, vBase, _weights, wBase, wpb);
                    signedValid += validRows[b] - (2 * negatives);
                    var adc = _adc[b];
                    for (var j = 0; j < planes; j++)
                    {
                        var xBase = (j * words) + vBase;
                        var m = 0;
                        for (var i = 0; i < wpb; i++)
                        {
                            m += BitOperations.PopCount(valid[vBase + i] & ~(bits[xBase + i] ^ _weights[wBase + i]));
                        }

                        matched += m;
                        sum += (adc.Read(m) - negatives) * (double)(1L << j);
                    }
                }

                output[(col * pixels) + p] = (float)((scale * sum) + (constant * signedValid));
            }
        }

        var conversions = (long)pixels * n * _blocks * planes;
        var shiftAdds = planes > 1 ? (long)pixels * n * _blocks * (planes - 1) : 0;
        var partialAdds = (long)pixels * n * (_blocks - 1);
        Counters.Add(reads, conversions, rowsDriven, matched, shiftAdds, partialAdds, (long)pixels * n);
    }

    private static int CountNegatives(ulong[] valid, int vBase, ulong[] weights, int wBase, int count)
    {
        var negatives = 0;
        for (var i = 0; i < count; i++)
        {
            negatives += BitOperations.PopCount(valid[vBase + i] & ~weights[wBase + i]);
        }

        return negatives;
    }
}
