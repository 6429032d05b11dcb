package org.yuxun.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Builds valid GB 11643-1999 numbers for tests. The check character is found from ISO 7064 MOD 11-2 in its
 * defining form (the weighted sum of all 18 characters, weights 2<sup>17</sup>…2<sup>0</sup>, is 1 mod 11), not by
 * the weight table the production code uses, so the two confirm each other.
 */
final class IdentityNumberFixtures {

    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private IdentityNumberFixtures() {
    }

    /** A valid number from a 6-digit address code, a birth date and a 3-digit sequence. */
    static String number(String address, LocalDate birthDate, String sequence) {
        return withCheck(address + birthDate.format(YYYYMMDD) + sequence);
    }

    /** The 17 digits followed by their check character. */
    static String withCheck(String first17) {
        long sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * (1L << (17 - i));
        }
        for (int check = 0; check <= 10; check++) {
            if ((sum + check) % 11 == 1) {
                return first17 + (check == 10 ? "X" : String.valueOf(check));
            }
        }
        throw new AssertionError("no check character for " + first17);
    }

    /** The same number with a wrong check character. */
    static String withWrongCheck(String valid) {
        char check = valid.charAt(17);
        char wrong = check == '0' ? '1' : '0';
        return valid.substring(0, 17) + wrong;
    }
}
