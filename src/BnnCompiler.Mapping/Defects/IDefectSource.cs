namespace BnnCompiler.Mapping.Defects;

/// <summary>
/// The stuck cells the simulator and the repair passes see for a layer's block: a chip's measured defect map, or
/// null to draw them from the spec's stuck-at rates (per Monte-Carlo trial).
/// </summary>
public interface IDefectSource
{
    /// <summary>The fabricated subarray (spares included) holding row block <paramref name="rowBlock"/>, column block
    /// <paramref name="columnBlock"/> of layer <paramref name="layer"/>'s first copy, or null to draw its defects.</summary>
    SubarrayDefects? For(string layer, int rowBlock, int columnBlock);

    /// <summary>The fabricated subarray holding the block of copy <paramref name="copy"/> of the layer (the simulator reads
    /// only the first copy's; <c>bnnc compile --repair</c> places every copy), or null to draw its defects.</summary>
    SubarrayDefects? ForCopy(string layer, int copy, int rowBlock, int columnBlock) => copy == 0 ? For(layer, rowBlock, columnBlock) : null;

    /// <summary>Spare subarray <paramref name="spare"/> (0-based, <c>pe.spare_subarrays</c>) of PE <paramref name="pe"/>
    /// of tile <paramref name="tile"/>, or null to draw its defects.</summary>
    SubarrayDefects? Spare(int tile, int pe, int spare) => null;
}
