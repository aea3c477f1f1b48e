package io.github.posa4j.processor.fixtures;

import io.github.posa4j.codec.Codec;
import io.github.posa4j.codec.CodecInput;
import io.github.posa4j.codec.CodecOutput;
import io.github.posa4j.codec.Codecs;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * Codecs for the arguments and results of the commands of {@link Ledger} and for its snapshots,
 * generated from its {@code @CommandProcessor} annotation.
 *
 * <p>Each codec writes {@code null} as well as values. A record is written component by component
 * in declaration order, and read back through its canonical constructor; nothing is read by
 * reflection, and no class name is ever read from the bytes.
 */
@Generated("io.github.posa4j.processor.Posa4jProcessor")
final class LedgerCodecs {
  static final Codec<String> STRING = Codecs.nullable(Codecs.STRING);

  static final Codec<BigDecimal> BIG_DECIMAL = Codecs.nullable(Codecs.BIG_DECIMAL);

  static final Codec<Ledger.Kind> KIND = Codecs.nullable(
      Codecs.enumeration(Ledger.Kind.class, Ledger.Kind.values()));

  static final Codec<Instant> INSTANT = Codecs.nullable(Codecs.INSTANT);

  static final Codec<Long> LONG = Codecs.nullable(Codecs.LONG);

  static final Codec<Ledger.Posting> POSTING = Codecs.nullable(new PostingCodec());

  static final Codec<Ledger.State> STATE = Codecs.nullable(new StateCodec());

  static final Codec<List<String>> LIST_OF_STRING = Codecs.nullable(Codecs.list(STRING));

  static final Codec<Map<String, Long>> MAP_OF_STRING_TO_LONG = Codecs.nullable(
      Codecs.map(STRING, LONG));

  static final Codec<Map<String, BigDecimal>> MAP_OF_STRING_TO_BIG_DECIMAL = Codecs.nullable(
      Codecs.map(STRING, BIG_DECIMAL));

  static final Codec<List<Ledger.Posting>> LIST_OF_POSTING = Codecs.nullable(Codecs.list(POSTING));

  static final Codec<Optional<Instant>> OPTIONAL_OF_INSTANT = Codecs.nullable(
      Codecs.optional(INSTANT));

  private LedgerCodecs() {
  }

  /**
   * Writes the components of {@link Ledger.Posting}
   * in declaration order, and reads them back through its canonical constructor.
   */
  private static final class PostingCodec implements Codec<Ledger.Posting> {
    @Override
    public void encode(Ledger.Posting value, CodecOutput out) {
      STRING.encode(value.account(), out);
      out.writeLong(value.cents());
      KIND.encode(value.kind(), out);
      LIST_OF_STRING.encode(value.tags(), out);
    }

    @Override
    public Ledger.Posting decode(CodecInput in) {
      String account = STRING.decode(in);
      long cents = in.readLong();
      Ledger.Kind kind = KIND.decode(in);
      List<String> tags = LIST_OF_STRING.decode(in);
      return new Ledger.Posting(account, cents, kind, tags);
    }
  }

  /**
   * Writes the components of {@link Ledger.State}
   * in declaration order, and reads them back through its canonical constructor.
   */
  private static final class StateCodec implements Codec<Ledger.State> {
    @Override
    public void encode(Ledger.State value, CodecOutput out) {
      MAP_OF_STRING_TO_LONG.encode(value.balances(), out);
      MAP_OF_STRING_TO_BIG_DECIMAL.encode(value.rates(), out);
      LIST_OF_POSTING.encode(value.postings(), out);
      OPTIONAL_OF_INSTANT.encode(value.lastPosted(), out);
      LIST_OF_STRING.encode(value.notes(), out);
    }

    @Override
    public Ledger.State decode(CodecInput in) {
      Map<String, Long> balances = MAP_OF_STRING_TO_LONG.decode(in);
      Map<String, BigDecimal> rates = MAP_OF_STRING_TO_BIG_DECIMAL.decode(in);
      List<Ledger.Posting> postings = LIST_OF_POSTING.decode(in);
      Optional<Instant> lastPosted = OPTIONAL_OF_INSTANT.decode(in);
      List<String> notes = LIST_OF_STRING.decode(in);
      return new Ledger.State(balances, rates, postings, lastPosted, notes);
    }
  }
}
