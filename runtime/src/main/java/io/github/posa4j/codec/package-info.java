/**
 * The binary encoding of posa4j's journals and remote calls: {@link io.github.posa4j.codec.Codec}s
 * that append values to a {@link io.github.posa4j.codec.CodecOutput} and read them back from a
 * {@link io.github.posa4j.codec.CodecInput}. The annotation processor generates the codec of each
 * journaled command and remote method at compile time, composing those of
 * {@link io.github.posa4j.codec.Codecs}. Nothing here uses reflection or {@code Serializable}, and
 * no class name is ever read from the bytes: a decoder only builds the type it was made for, so
 * bytes cannot make it instantiate anything else.
 *
 * <h2>The encoding</h2>
 *
 * <p>A value's bytes carry no type tag and no field names: the codec that reads them must be the
 * one that wrote them. Journals on disk depend on this layout, so it does not change.
 * <ul>
 *   <li>Fixed-width values are big-endian: a {@code boolean} is one byte, {@code 0} or {@code 1};
 *       {@code short} and {@code char} two bytes; {@code int} four; {@code long} eight;
 *       {@code float} and {@code double} their raw IEEE 754 bits in four and eight bytes, so that
 *       {@code -0.0} and NaN payloads survive.</li>
 *   <li>Counts, lengths and ids are unsigned LEB128 varints: seven bits a byte, least significant
 *       first, the high bit set on every byte but the last, in the fewest bytes (at most five);
 *       {@code 300} is {@code AC 02}. A count is checked against the bytes that remain before
 *       anything is allocated for it.</li>
 *   <li>A string is its length in UTF-16 code units as a varint, then each code unit on its own
 *       in 1 to 3 bytes as in UTF-8 ({@code 0xxxxxxx}, {@code 110xxxxx 10xxxxxx} or
 *       {@code 1110xxxx 10xxxxxx 10xxxxxx}): ASCII is one byte a char, a supplementary character
 *       is two 3-byte surrogates as in CESU-8, and an unpaired surrogate survives.</li>
 *   <li>A value that may be {@code null} or absent has a presence byte in front: {@code 0} for
 *       {@code null} or empty, {@code 1} followed by the value.</li>
 *   <li>A list, set, map or array is its size as a varint, then its elements (for a map, each key
 *       followed by its value) in iteration order.</li>
 *   <li>An enum constant is its name as a string, so that adding or reordering constants keeps
 *       old bytes readable.</li>
 *   <li>A {@code BigInteger} is the length of its two's-complement bytes as a varint, then the
 *       bytes; a {@code BigDecimal} is its unscaled value so, then its scale as an int.</li>
 *   <li>An {@code Instant} or {@code Duration} is its seconds as a long, then its nanoseconds of
 *       the second as an int; a {@code LocalDate} is its year as an int, then its month and day
 *       as a byte each; a {@code LocalDateTime} is its date so, then hour, minute and second as a
 *       byte each and nanoseconds as an int; a {@code UUID} is its two halves as longs, most
 *       significant first.</li>
 * </ul>
 *
 * <p>Bytes that are not a value of the expected type (too few, a count beyond what remains, a
 * presence or boolean byte other than {@code 0} or {@code 1}, an unknown enum name, a malformed
 * string or an out-of-range date) are a {@link io.github.posa4j.codec.CodecException} saying what
 * was read at which position, and never another exception.
 */
package io.github.posa4j.codec;
