package dev.mcpweb.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date spellings pages use (ISO 8601 and its sloppy variants, RFC 1123, "May 1, 2024",
 * "1 May 2024") and writes ISO 8601 at the precision given: {@code 2024-05-01},
 * {@code 2024-05-01T10:00:00} or {@code 2024-05-01T10:00:00Z}. Anything else, or a year outside
 * 1900–2100, is no date.
 */
final class Dates {
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*"
                    + "(Z|[+-]\\d{2}(?::?\\d{2})?|UTC|GMT)?)?");
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern MONTH_DAY_YEAR =
            Pattern.compile("([A-Za-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");
    private static final Pattern DAY_MONTH_YEAR =
            Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+([A-Za-z]{3,9})\\.?,?\\s+(\\d{4})");
    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private Dates() {}

    static Optional<String> iso(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        if (s.isEmpty() || s.length() > 100) {
            return Optional.empty();
        }
        try {
            return parse(s);
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The first date written anywhere in {@code text} ("Posted on May 1, 2024 by …", "Updated 2024-05-01"). */
    static Optional<String> findIn(String text) {
        if (text == null || text.length() > 500) {
            return Optional.empty();
        }
        Matcher iso = ISO.matcher(text);
        while (iso.find()) {
            Optional<String> date = iso(iso.group());
            if (date.isPresent()) {
                return date;
            }
        }
        try {
            return parse(text.strip());
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> parse(String s) {
        Matcher iso = ISO.matcher(s);
        if (iso.lookingAt()) {
            LocalDate date = date(iso.group(1), iso.group(2), iso.group(3));
            if (date == null) {
                return Optional.empty();
            }
            if (iso.group(4) == null) {
                return Optional.of(date.toString());
            }
            LocalDateTime time = date.atTime(
                    Integer.parseInt(iso.group(4)),
                    Integer.parseInt(iso.group(5)),
                    iso.group(6) == null ? 0 : Integer.parseInt(iso.group(6)));
            String zone = iso.group(7);
            if (zone == null) {
                return Optional.of(time.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
            }
            ZoneOffset offset = zone.equals("Z") || zone.equals("UTC") || zone.equals("GMT")
                    ? ZoneOffset.UTC
                    : ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
            return Optional.of(OffsetDateTime.of(time, offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
        if (s.matches("[A-Za-z]{3},.*\\d{2}:\\d{2}.*")) {
            ZonedDateTime rfc = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME);
            return inRange(rfc.getYear())
                    ? Optional.of(rfc.toOffsetDateTime()
                            .truncatedTo(ChronoUnit.SECONDS)
                            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                    : Optional.empty();
        }
        Matcher mdy = MONTH_DAY_YEAR.matcher(s);
        if (mdy.find()) {
            return named(mdy.group(1), mdy.group(2), mdy.group(3));
        }
        Matcher dmy = DAY_MONTH_YEAR.matcher(s);
        if (dmy.find()) {
            return named(dmy.group(2), dmy.group(1), dmy.group(3));
        }
        Matcher ym = YEAR_MONTH.matcher(s);
        if (ym.matches() && inRange(Integer.parseInt(ym.group(1)))) {
            int month = Integer.parseInt(ym.group(2));
            return month >= 1 && month <= 12 ? Optional.of(s) : Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> named(String monthName, String day, String year) {
        String key = monthName.toLowerCase(Locale.ROOT);
        int month = MONTHS.indexOf(key.substring(0, 3)) + 1;
        if (month == 0 || (key.length() > 3 && !fullMonthName(month).startsWith(key) && !key.equals("sept"))) {
            return Optional.empty();
        }
        return Optional.ofNullable(date(year, String.valueOf(month), day)).map(LocalDate::toString);
    }

    private static String fullMonthName(int month) {
        return java.time.Month.of(month).name().toLowerCase(Locale.ROOT);
    }

    private static LocalDate date(String year, String month, String day) {
        int y = Integer.parseInt(year);
        if (!inRange(y)) {
            return null;
        }
        try {
            return LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean inRange(int year) {
        return year >= 1900 && year <= 2100;
    }
}
