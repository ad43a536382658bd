namespace BnnCompiler.Circuits.Activity.NeuroSim;

/// <summary>
/// One mapped layer as DNN+NeuroSim V1.3 sees it: its input vectors (unpadded windows), its matrix in cells (two rows
/// per ±1 weight included), whether its outputs are max-pooled before they leave, its input feature map in bits, and
/// the tiles and pipeline speed-up its floorplan gives the layer.
/// </summary>
public sealed record NeuroSimLayerPlan
{
    /// <summary>The mapped layer's index (<c>LayerMapping.Index</c>).</summary>
    public required int LayerId { get; init; }

    /// <summary>Input vectors per image: ⌊(H−K+1)/s⌋² windows, 1 for a dense layer.</summary>
    public required long Windows { get; init; }

    /// <summary>Matrix rows in cells (C_in·K_H·K_W with the doubled channels).</summary>
    public required int MatrixRows { get; init; }

    /// <summary>Matrix columns in cells (output channels).</summary>
    public required int MatrixColumns { get; init; }

    /// <summary>A 2 × 2 max pool follows: a quarter of the outputs go back to the global buffer.</summary>
    public required bool Pooled { get; init; }

    /// <summary>Input feature map values (H · W · C_in), which size the global buffer.</summary>
    public required long InputValues { get; init; }

    /// <summary>Tiles of the layer, copies included.</summary>
    public required int Tiles { get; init; }

    /// <summary>Copies the windows are shared among (the floorplan's reported speed-up).</summary>
    public required int SpeedUp { get; init; }

    /// <summary>The part of <see cref="SpeedUp"/> from copies side by side along the tile's columns (NeuroSim's column
    /// speed-up; the rest is its row speed-up).</summary>
    public int ColumnSpeedUp { get; init; } = 1;

    /// <summary>The matrix cut into blocks of one tile side (<paramref name="tileSideCells"/>), row blocks outer, as
    /// NeuroSim's loops visit them: each block's rows and columns (the last of each side may be short).</summary>
    public IEnumerable<(int Rows, int Columns)> TileBlocks(int tileSideCells)
    {
        for (var i = 0; i * tileSideCells < MatrixRows; i++)
        {
            for (var j = 0; j * tileSideCells < MatrixColumns; j++)
            {
                yield return (Math.Min(tileSideCells, MatrixRows - (i * tileSideCells)), Math.Min(tileSideCells, MatrixColumns - (j * tileSideCells)));
            }
        }
    }
}
