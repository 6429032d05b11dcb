package org.yuxun.certification.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The fonts certificates are set in, parsed once and lent to one document at a time.
 *
 * <p>Embedding a font costs in proportion to its number of glyphs, whatever few a certificate uses: the PDF library
 * lists the width of every glyph before it subsets. Droid Sans Fallback has about 49,000, so certificates are set in
 * {@link Face#COMMON}, the glyphs of Droid Sans Fallback for the characters of GB 2312 and the common punctuation
 * (some 7,500: nearly every name and every template's text), made from the full font when first needed. A text with a character beyond it
 * also gets {@link Face#FULL}, and one beyond that (Extension B and later, e.g. 𠮷) {@link Face#EXT_B}; the renderer
 * takes each character from the first face that has it, so every name prints and the glyphs are the same as before.
 */
final class CertificateFonts {

    /** A face with the family name the document's CSS gives it. */
    enum Face {
        COMMON("YuxunSans"), FULL("YuxunSansFull"), EXT_B("YuxunExtB");

        final String family;

        Face(String family) {
            this.family = family;
        }
    }

    /** The CSS {@code font-family} value that lists the faces in order. */
    static final String FAMILIES = "'" + Face.COMMON.family + "', '" + Face.FULL.family + "', '" + Face.EXT_B.family
            + "'";

    private static final int KEPT_PER_FACE = 8;

    private final Pool full = new Pool(() -> resource("/fonts/DroidSansFallbackFull.ttf"));
    private final Pool extB = new Pool(() -> resource("/fonts/HanaMinB.ttf"));
    private final Pool common = new Pool(this::commonSubset);
    private volatile BitSet fullCoverage;
    private volatile BitSet commonCoverage;

    /**
     * The faces the text needs: the common one always, the full one for characters only it has, HanaMinB for
     * characters beyond the basic plane, whose only face it is. Punctuation none of them has is left to the
     * renderer's built-in font.
     */
    Set<Face> needed(String text) {
        Set<Face> faces = EnumSet.of(Face.COMMON);
        BitSet inCommon = commonCoverage();
        BitSet inFull = fullCoverage();
        text.codePoints().filter(cp -> cp > 0x7f && !inCommon.get(cp)).forEach(cp -> {
            if (inFull.get(cp)) {
                faces.add(Face.FULL);
            } else if (cp > 0xffff) {
                faces.add(Face.EXT_B);
            }
        });
        return faces;
    }

    TrueTypeFont borrow(Face face) {
        return pool(face).borrow();
    }

    void giveBack(Face face, TrueTypeFont font) {
        pool(face).giveBack(font);
    }

    private Pool pool(Face face) {
        return switch (face) {
            case COMMON -> common;
            case FULL -> full;
            case EXT_B -> extB;
        };
    }

    private BitSet fullCoverage() {
        BitSet covered = fullCoverage;
        if (covered == null) {
            synchronized (this) {
                if (fullCoverage == null) {
                    TrueTypeFont font = full.borrow();
                    try {
                        CmapLookup cmap = font.getUnicodeCmapLookup();
                        BitSet bits = new BitSet(0x10000);
                        for (int cp = 0x80; cp <= 0xffff; cp++) {
                            if (cmap.getGlyphId(cp) != 0) {
                                bits.set(cp);
                            }
                        }
                        fullCoverage = bits;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } finally {
                        full.giveBack(font);
                    }
                }
                covered = fullCoverage;
            }
        }
        return covered;
    }

    private BitSet commonCoverage() {
        BitSet covered = commonCoverage;
        if (covered == null) {
            synchronized (this) {
                if (commonCoverage == null) {
                    CharsetEncoder gb2312 = Charset.forName("GB2312").newEncoder();
                    BitSet bits = new BitSet(0x10000);
                    fullCoverage().stream().filter(cp -> !Character.isSurrogate((char) cp)
                            && (gb2312.canEncode((char) cp) || isPunctuation(cp))).forEach(bits::set);
                    commonCoverage = bits;
                }
                covered = commonCoverage;
            }
        }
        return covered;
    }

    /**
     * Latin-1, general punctuation, CJK symbols and full-width forms: the certificate's own text uses some that
     * GB 2312 maps elsewhere (the em dash of an empty field), and they are few.
     */
    private static boolean isPunctuation(int cp) {
        return cp <= 0xff || (cp >= 0x2000 && cp <= 0x206f) || (cp >= 0x3000 && cp <= 0x303f)
                || (cp >= 0xff00 && cp <= 0xffef);
    }

    /** The full font cut down to the common characters, with their glyphs unchanged. */
    private byte[] commonSubset() {
        BitSet characters = commonCoverage();
        TrueTypeFont font = full.borrow();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(2 * 1024 * 1024)) {
            TTFSubsetter subsetter = new TTFSubsetter(font);
            Set<Integer> codePoints = new HashSet<>();
            characters.stream().forEach(codePoints::add);
            subsetter.addAll(codePoints);
            subsetter.writeToStream(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            full.giveBack(font);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = CertificateFonts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Font " + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parsed copies of one face: parsing a CJK font takes far longer than printing a page, and a parsed font may be
     * used by one document at a time only, so each printing thread borrows one and gives it back.
     */
    private static final class Pool {

        private final Supplier<byte[]> source;
        private final ConcurrentLinkedQueue<TrueTypeFont> idle = new ConcurrentLinkedQueue<>();
        private volatile byte[] bytes;

        Pool(Supplier<byte[]> source) {
            this.source = source;
        }

        TrueTypeFont borrow() {
            TrueTypeFont font = idle.poll();
            if (font != null) {
                return font;
            }
            try {
                return new TTFParser().parse(new RandomAccessReadBuffer(bytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void giveBack(TrueTypeFont font) {
            if (idle.size() < KEPT_PER_FACE) {
                idle.add(font);
            }
        }

        private byte[] bytes() {
            byte[] loaded = bytes;
            if (loaded == null) {
                synchronized (this) {
                    if (bytes == null) {
                        bytes = source.get();
                    }
                    loaded = bytes;
                }
            }
            return loaded;
        }
    }
}
