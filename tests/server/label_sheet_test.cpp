// QR label sheets as a counter scanner and a printer meet them: the sheet is rasterised as a
// browser would print it (rsvg-convert) and every code is read back by a real decoder
// (zbarimg, label_scan_support.hpp); the payload is the asset tag exactly as the counter reads it.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "inventory/label_sheet.hpp"
#include "label_scan_support.hpp"
#include "lending/scan_code.hpp"
#include "server_test_support.hpp"

using namespace madoguchi;
using server::inventory::LabelText;

namespace {

std::vector<LabelText> sample_labels(int count) {
    std::vector<LabelText> labels;
    for (int n = 1; n <= count; ++n) {
        const auto number = std::to_string(100000 + n).substr(1);
        labels.push_back({(n % 3 == 0 ? "MFP-" : "GSS-") + number, "リコー IM C3000 <A&B>",
                          "中央合同庁舎第3号館 10階 1001会議室（文書課 \"分室\"）"});
    }
    return labels;
}

// The codes zbarimg finds in the PNG of the sheet.
std::multiset<std::string> decoded(const std::string& svg) {
    testing::TempDir folder;
    const auto svg_path = (folder.path() / "labels.svg").string();
    const auto png_path = (folder.path() / "labels.png").string();
    testing::write_file(svg_path, svg);
    // 200 dpi: about 8 pixels per module, as a 1200 × 600 dpi office printer gives at least.
    const auto raster = testing::ChildProcess({"/usr/bin/rsvg-convert", "-d", "200", "-p", "200", "-b", "white", "-o",
                                               png_path, svg_path})
                            .wait();
    INFO(raster.err);
    REQUIRE(raster.exit_code == 0);
    return testing::qr_codes_in(png_path);
}

}  // namespace

TEST_CASE("every label's QR code decodes to its asset tag, which the counter reads as that device", "[inventory][labels]") {
    const auto labels = sample_labels(30);  // a full page and six labels on the second
    const auto svg = server::inventory::label_sheet_svg(labels);
    REQUIRE(svg);
    std::multiset<std::string> expected;
    for (const auto& label : labels) expected.insert(label.asset_tag);
    const auto codes = decoded(*svg);
    CHECK(codes == expected);
    for (const auto& code : codes) {
        const auto scan = lending::classify_scan(code);
        CHECK(scan.kind == lending::ScanKind::asset_tag);
        CHECK(scan.code == code);
    }
}

TEST_CASE("a sheet is A4 pages of 24 labels with the tag, model and place in text", "[inventory][labels]") {
    const auto svg = *server::inventory::label_sheet_svg(sample_labels(25));
    CHECK(svg.find("width=\"210mm\" height=\"594mm\" viewBox=\"0 0 210 594\" data-pages=\"2\"") != std::string::npos);
    const std::regex label("<g class=\"label\" data-tag=\"([A-Z]+-[0-9]+)\">");
    CHECK(std::distance(std::sregex_iterator(svg.begin(), svg.end(), label), std::sregex_iterator()) == 25);
    CHECK(svg.find(">GSS-00001</text>") != std::string::npos);
    // Text is escaped, and long names are cut at a line's end rather than running off the label.
    CHECK(svg.find(">リコー IM C3000 &lt;A&amp;B&gt;</text>") == std::string::npos);
    CHECK(svg.find(">リコー IM C3000</text>") != std::string::npos);
    CHECK(svg.find("> &lt;A&amp;B&gt;</text>") != std::string::npos);
    CHECK(svg.find("&quot;分室&quot;") != std::string::npos);
    CHECK(svg.find("<A&B>") == std::string::npos);
    // The last label of page one ends above page two; the first of page two starts below it.
    CHECK(svg.find("<rect x=\"140\" y=\"256.5\" width=\"70\" height=\"36\"") != std::string::npos);
    CHECK(svg.find("<rect x=\"0\" y=\"301.5\" width=\"70\" height=\"36\"") != std::string::npos);
}

TEST_CASE("the QR code keeps four modules of quiet zone inside its white square", "[inventory][labels]") {
    const auto matrix = server::inventory::qr_matrix("GSS-012345");
    REQUIRE(matrix);
    CHECK(matrix->size == 21);  // version 1 holds a tag at level M
    const auto svg = *server::inventory::label_sheet_svg(std::vector<LabelText>{{"GSS-012345", "", ""}});
    CHECK(svg.find("<rect width=\"29\" height=\"29\" fill=\"#fff\"/>") != std::string::npos);
    // Finder pattern's top-left module sits right after the quiet zone, never inside it.
    CHECK(svg.find("d=\"M4 4h1v1h-1z") != std::string::npos);
    const std::regex module("M([0-9]+) ([0-9]+)h1v1h-1z");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), module); it != std::sregex_iterator(); ++it) {
        const int x = std::stoi((*it)[1]);
        const int y = std::stoi((*it)[2]);
        CHECK((x >= 4 && x < 25 && y >= 4 && y < 25));
    }
}
