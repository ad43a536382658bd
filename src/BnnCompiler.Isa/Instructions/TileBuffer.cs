namespace BnnCompiler.Isa;

/// <summary>Which of a tile's two register-file buffers a <see cref="BufferWriteInstruction"/> or <see cref="BufferReadInstruction"/> uses.</summary>
public enum TileBuffer
{
    /// <summary>The tile input buffer: input codes from the interconnect, read out to the tile's PEs. Its port moves
    /// <c>tile_input_port_bits</c> bits a cycle.</summary>
    Input,

    /// <summary>The tile output buffer: the tile's results (1-bit activations or partial sums), read out to the
    /// interconnect. Its port moves <c>tile_output_port_words</c> words a cycle.</summary>
    Output,
}
