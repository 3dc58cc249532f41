// Prints Java's Double.toString / Float.toString for many values, to compare
// PyRust's port of Java 17's FloatingDecimal (src/ir/text/floating_decimal.rs) with
// the real JVM. Run with Java 17 (Spark's JVM; JDK 19+ prints other digits):
//
//   java scripts/JavaFloatText.java special            > special.txt
//   java scripts/JavaFloatText.java random 5000000 42  > random.txt
//   java scripts/JavaFloatText.java floathash 0 256    > floathash.txt
//
// `special` and `random` print one line per value: `d <16 hex bits> <text>` or
// `f <8 hex bits> <text>`. `floathash` covers every float: for each block of
// 2^24 bit patterns, from the first block given up to the second, it prints
// `<block> <hash>`, the 64-bit FNV-1a hash of the block's texts, each followed
// by '\n'. The Rust side reads these with the ignored test
// `floating_decimal::tests::matches_jvm_output` (see its comment).
import java.math.BigDecimal;
import java.io.*;
import java.util.*;

public class JavaFloatText {
    static PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 20), false);

    static void d(double x) {
        out.printf("d %016x %s%n", Double.doubleToRawLongBits(x), Double.toString(x));
    }

    static void f(float x) {
        out.printf("f %08x %s%n", Float.floatToRawIntBits(x), Float.toString(x));
    }

    /** x, its neighbours within k ULPs, and the same for -x. */
    static void dAround(double x, int k) {
        double up = x, down = x;
        d(x); d(-x);
        for (int i = 0; i < k; i++) {
            up = Math.nextUp(up); down = Math.nextDown(down);
            d(up); d(down); d(-up); d(-down);
        }
    }

    static void fAround(float x, int k) {
        float up = x, down = x;
        f(x); f(-x);
        for (int i = 0; i < k; i++) {
            up = Math.nextUp(up); down = Math.nextDown(down);
            f(up); f(down); f(-up); f(-down);
        }
    }

    static void special() {
        double[] ds = {0.0, -0.0, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-3, 1e7, 0.1, 1.0 / 3};
        for (double x : ds) dAround(x, 3);
        float[] fs = {0f, -0f, Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE,
            Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e-3f, 1e7f, 0.1f, 1f / 3};
        for (float x : fs) fAround(x, 3);
        // Powers of two and small multiples, with neighbours.
        for (int k = -1074; k <= 1023; k++) {
            for (int m = 1; m <= 9; m += 2) dAround(Math.scalb((double) m, k), 2);
        }
        for (int k = -149; k <= 127; k++) {
            for (int m = 1; m <= 9; m += 2) fAround(Math.scalb((float) m, k), 2);
        }
        // Powers of ten and one-digit multiples (nearest double), with neighbours.
        for (int k = -325; k <= 309; k++) {
            for (int m = 1; m <= 9; m++) {
                dAround(Double.parseDouble(m + "e" + k), 3);
                fAround(Float.parseFloat(m + "e" + k), 3);
            }
        }
        // The plain/scientific boundaries.
        for (String s : new String[] {"0.001", "0.00099999999", "0.0009999999999999999", "9999999", "9999999.5",
                "9999999.999999998", "1e7", "0.01", "0.1", "1", "10", "100", "1000000"}) {
            dAround(Double.parseDouble(s), 5);
            fAround(Float.parseFloat(s), 5);
        }
        // Integers, and integers near 2^24, 2^31, 2^32, 2^53, 2^63, 2^64.
        for (long i = 0; i <= 100000; i++) { d(i); f(i); }
        for (int p : new int[] {24, 31, 32, 53, 54, 62, 63, 64}) {
            for (long delta = -600; delta <= 600; delta++) {
                BigDecimal v = new BigDecimal(2).pow(p).add(BigDecimal.valueOf(delta));
                d(v.doubleValue()); f(v.floatValue());
            }
            dAround(Math.scalb(1.0, p), 50);
            fAround(Math.scalb(1.0f, p), 50);
        }
        for (long v : new long[] {Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
                Short.MAX_VALUE, Short.MIN_VALUE, Byte.MAX_VALUE, Byte.MIN_VALUE, 999999999L, 123456789L,
                9007199254740993L, 4611686018427387904L}) {
            d((double) v); f((float) v);
        }
        // Subnormals: every single bit, and small multiples of the smallest.
        for (int b = 0; b < 52; b++) dAround(Double.longBitsToDouble(1L << b), 2);
        for (int b = 0; b < 23; b++) fAround(Float.intBitsToFloat(1 << b), 2);
        for (long i = 1; i <= 20000; i++) { d(Double.longBitsToDouble(i)); f(Float.intBitsToFloat((int) i)); }
        // Fractions with many trailing zero bits, at every exponent.
        SplittableRandom r = new SplittableRandom(7);
        for (int zeros = 0; zeros <= 52; zeros++) {
            for (int e = 0; e < 2047; e += 3) {
                long bits = ((long) e << 52) | ((r.nextLong() & ((1L << 52) - 1)) >>> zeros << zeros);
                d(Double.longBitsToDouble(bits));
            }
        }
        for (int zeros = 0; zeros <= 23; zeros++) {
            for (int e = 0; e < 255; e++) {
                int bits = (e << 23) | ((r.nextInt() & ((1 << 23) - 1)) >>> zeros << zeros);
                f(Float.intBitsToFloat(bits));
            }
        }
        // Short decimals, as in real data: 1 to 17 digits, exponents -30..30.
        for (int i = 0; i < 300000; i++) {
            int digits = 1 + r.nextInt(17);
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < digits; j++) sb.append((char) ('0' + r.nextInt(10)));
            String s = sb + "e" + (r.nextInt(61) - 30 - digits / 2);
            d(Double.parseDouble(s));
            f(Float.parseFloat(s));
            d((double) Float.parseFloat(s));
        }
        // Casts of random ints and longs (Spark's int -> float/double casts).
        for (int i = 0; i < 200000; i++) {
            int v = r.nextInt();
            long w = r.nextLong() >> r.nextInt(64);
            f((float) v); d((double) v); f((float) w); d((double) w);
        }
    }

    static void random(long n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (long i = 0; i < n; i++) {
            d(Double.longBitsToDouble(r.nextLong()));
            f(Float.intBitsToFloat(r.nextInt()));
        }
    }

    static void floatHash(int fromBlock, int toBlock) {
        for (int block = fromBlock; block < toBlock; block++) {
            long hash = 0xcbf29ce484222325L;
            for (int low = 0; low < (1 << 24); low++) {
                String s = Float.toString(Float.intBitsToFloat((block << 24) | low));
                for (int i = 0; i < s.length(); i++) {
                    hash = (hash ^ s.charAt(i)) * 0x100000001b3L;
                }
                hash = (hash ^ '\n') * 0x100000001b3L;
            }
            out.printf("%d %016x%n", block, hash);
            out.flush();
        }
    }

    public static void main(String[] args) {
        switch (args[0]) {
            case "special": special(); break;
            case "random": random(Long.parseLong(args[1]), Long.parseLong(args[2])); break;
            case "floathash": floatHash(Integer.parseInt(args[1]), Integer.parseInt(args[2])); break;
            default: throw new IllegalArgumentException(args[0]);
        }
        out.flush();
    }
}
