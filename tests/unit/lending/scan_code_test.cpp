#include <catch2/catch.hpp>

#include "lending/scan_code.hpp"

using madoguchi::lending::classify_scan;
using madoguchi::lending::ScanKind;

TEST_CASE("counter scans tell staff cards from asset tags and refuse misreads", "[lending][scan]") {
    CHECK(classify_scan("PC-000123").kind == ScanKind::asset_tag);
    CHECK(classify_scan("mfp-00042").kind == ScanKind::asset_tag);
    CHECK(classify_scan("mfp-00042").code == "MFP-00042");
    CHECK(classify_scan("  TB-12345678 \r\n").code == "TB-12345678");
    CHECK(classify_scan("20231234").kind == ScanKind::staff_id);
    CHECK(classify_scan("K1234567").kind == ScanKind::staff_id);

    CHECK(classify_scan("").kind == ScanKind::invalid);
    CHECK(classify_scan("   ").kind == ScanKind::invalid);
    CHECK(classify_scan("PC-12").kind == ScanKind::invalid);          // too few digits
    CHECK(classify_scan("P-000123").kind == ScanKind::invalid);       // one-letter prefix
    CHECK(classify_scan("PC-0001234567").kind == ScanKind::invalid);  // too many digits
    CHECK(classify_scan("ABCDEF").kind == ScanKind::invalid);         // no digit: a word, not an ID
    CHECK(classify_scan("123").kind == ScanKind::invalid);
    CHECK(classify_scan("12 34").kind == ScanKind::invalid);
    CHECK(classify_scan("ＰＣ-000123").kind == ScanKind::invalid);   // full-width is folded by the field, not here
}
