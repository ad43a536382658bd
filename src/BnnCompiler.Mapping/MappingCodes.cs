namespace BnnCompiler.Mapping;

/// <summary>Diagnostic codes of the mapper (BNN4xxx); docs/mapping.md explains each.</summary>
public static class MappingCodes
{
    /// <summary>One layer (one copy) needs more tiles than a fixed chip grid has.</summary>
    public const string LayerTooLarge = "BNN4001";

    /// <summary>All layers together (one copy each) need more tiles than a fixed chip grid has.</summary>
    public const string ModelTooLarge = "BNN4002";

    /// <summary>Duplication cannot be honoured: a fixed degree overflows the chip, or the tile budget is below one copy of the model.</summary>
    public const string DuplicationDoesNotFit = "BNN4003";

    /// <summary>The graph has no layer with ±1 weights and integer-coded inputs: nothing to put on crossbars.</summary>
    public const string NothingToMap = "BNN4004";

    /// <summary>Warning: a matrix layer stays digital (full-precision weights, or inputs that are not integer codes).</summary>
    public const string LayerKeptDigital = "BNN4005";

    /// <summary>A defect map file that cannot be read: missing, malformed line, unknown state, negative index.</summary>
    public const string BadDefectMap = "BNN4010";

    /// <summary>A defect map names a subarray or cell the mapped chip does not have.</summary>
    public const string DefectOutsideChip = "BNN4011";

    /// <summary>repair.mode uses spares but the spec fabricates none.</summary>
    public const string NoSpares = "BNN4012";
}
