// PDF label sheets as a desk prints them: fetched over real HTTP, checked for A4 pages by
// poppler (pdfinfo), rasterised (pdftoppm, 200 dpi) label by label, as a counter scanner sees
// one label at a time, with each QR code read back by zbarimg, and their text extracted
// (pdftotext) to see the Japanese was set in a font.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "identity_test_support.hpp"
#include "inventory/label_font.hpp"
#include "inventory/label_pdf.hpp"
#include "inventory/label_qr.hpp"
#include "label_scan_support.hpp"
#include "server_test_support.hpp"

using namespace madoguchi::testing;
using madoguchi::server::inventory::find_label_font;
using madoguchi::server::inventory::label_sheet_pdf;
using madoguchi::server::inventory::qr_outline;
using madoguchi::server::inventory::LabelText;
namespace label_layout = madoguchi::server::inventory::label_layout;
using nlohmann::json;

namespace {

const std::filesystem::path debian_font = "/usr/share/fonts/truetype/bizud-gothic/BIZUDPGothic-Regular.ttf";

httplib::Result post(SignedIn& user, const std::string& path, const json& body) {
    return user.client->Post(path.c_str(), body.dump(), "application/json");
}

std::int64_t created_id(const httplib::Result& response, const char* member) {
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 201);
    return json_of(response)[member]["id"].get<std::int64_t>();
}

// The PDF, read back by poppler and zbarimg.
struct ReadSheet {
    std::string info;                // pdfinfo's report
    std::string text;                // pdftotext's
    std::vector<std::string> codes;  // the code read in each of the first `slots` label places
};

ReadSheet read_sheet(const std::string& pdf, std::size_t slots) {
    TempDir folder;
    const auto file = (folder.path() / "labels.pdf").string();
    write_file(file, pdf);
    ReadSheet sheet;
    const auto info = ChildProcess({"/usr/bin/pdfinfo", file}).wait();
    INFO(info.err);
    REQUIRE(info.exit_code == 0);
    sheet.info = info.out;
    const auto text = ChildProcess({"/usr/bin/pdftotext", "-enc", "UTF-8", file, "-"}).wait();
    REQUIRE(text.exit_code == 0);
    sheet.text = text.out;
    // 200 dpi: about 8 pixels per module, as a 1200 × 600 dpi office printer gives at least.
    constexpr double dpi = 200;
    const auto pixels = [](double mm) { return std::to_string(static_cast<int>(mm / 25.4 * dpi)); };
    const auto prefix = (folder.path() / "label").string();
    for (std::size_t index = 0; index < slots; ++index) {
        const auto place = label_layout::place_of(index);
        const auto page = std::to_string(place.page + 1);
        const auto raster = ChildProcess({"/usr/bin/pdftoppm", "-r", "200", "-png", "-singlefile", "-f", page, "-l", page,
                                          "-x", pixels(place.x), "-y", pixels(place.y), "-W",
                                          pixels(label_layout::label_width), "-H", pixels(label_layout::label_height), file,
                                          prefix})
                                .wait();
        INFO(raster.err);
        REQUIRE(raster.exit_code == 0);
        const auto codes = qr_codes_in(prefix + ".png");
        REQUIRE(codes.size() <= 1);
        sheet.codes.push_back(codes.empty() ? std::string() : *codes.begin());
    }
    return sheet;
}

int page_count(const ReadSheet& sheet) {
    std::smatch pages;
    REQUIRE(std::regex_search(sheet.info, pages, std::regex("Pages: +([0-9]+)")));
    return std::stoi(pages[1]);
}

}  // namespace

TEST_CASE("labels.pdf over HTTP: A4 pages of 24 whose codes read as the tags, with model and place in Japanese",
          "[inventory][labels][pdf]") {
    // The font is found in the web app's folder, under the name the web build gives it.
    TempDir web;
    std::filesystem::create_directories(web.path() / "fonts");
    std::filesystem::copy_file(debian_font, web.path() / "fonts" / "BIZUDPGothic-subset.0123456789ab.ttf");
    RunningApp server(web.path());
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    const auto location = created_id(
        post(desk, "/api/v1/locations", {{"building", "中央合同庁舎第3号館"}, {"floor", "10階"}, {"room", "文書課"}}),
        "location");
    const auto model =
        created_id(post(desk, "/api/v1/device-models", {{"maker", "リコー"}, {"name", "IM C3000"}, {"class", "mfp"}}), "model");
    std::vector<std::string> tags;
    for (int n = 1; n <= 26; ++n) {
        const auto tag = "MFP-" + std::to_string(1000000 + n).substr(1);
        created_id(post(desk, "/api/v1/devices",
                        {{"asset_tag", tag}, {"class", "mfp"}, {"model_id", model}, {"location_id", location}}),
                   "device");
        tags.push_back(tag);
    }
    created_id(post(desk, "/api/v1/devices", {{"asset_tag", "TAB-000001"}, {"class", "tablet"}}), "device");

    const auto response = desk.client->Get("/api/v1/devices/labels.pdf?class=mfp");
    REQUIRE(response);
    INFO(response->body.substr(0, 300));
    REQUIRE(response->status == 200);
    CHECK(response->get_header_value("Content-Type") == "application/pdf");
    const auto disposition = response->get_header_value("Content-Disposition");
    INFO(disposition);
    CHECK(std::regex_search(disposition, std::regex("filename=\"labels-20[0-9]{6}\\.pdf\"")));
    // The Japanese name as the client reads it (percent-decoded): 資産ラベル_YYYYMMDD.pdf.
    CHECK(std::regex_search(disposition, std::regex("filename\\*=UTF-8''資産ラベル_20[0-9]{6}\\.pdf$")));
    REQUIRE(response->body.starts_with("%PDF-"));

    // 24 on page one, 2 on page two, in tag order; the third place on page two stays empty.
    const auto sheet = read_sheet(response->body, 27);
    CHECK(page_count(sheet) == 2);
    CHECK(std::regex_search(sheet.info, std::regex("Page size: +595.276 x 841.89 pts \\(A4\\)")));
    tags.emplace_back();
    CHECK(sheet.codes == tags);
    CHECK(sheet.text.find("MFP-000026") != std::string::npos);
    CHECK(sheet.text.find("リコー IM C3000") != std::string::npos);
    CHECK(sheet.text.find("中央合同庁舎第3号館") != std::string::npos);
    CHECK(sheet.text.find("TAB-000001") == std::string::npos);
}

TEST_CASE("labels.pdf refuses what labels.svg refuses, with the same JSON errors", "[inventory][labels][pdf]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    auto vendor = signed_in_user(server, {"vendor1", {Role::vendor}});
    const auto id = created_id(post(desk, "/api/v1/devices", {{"asset_tag", "GSS-000001"}, {"class", "gss_terminal"}}),
                               "device");
    for (const std::string path : {"/api/v1/devices/labels.pdf", "/api/v1/devices/labels.svg"}) {
        INFO(path);
        const auto refused = vendor.client->Get(path.c_str());
        CHECK(refused->status == 403);
        CHECK(json_of(refused)["error"]["code"] == "forbidden");
        const auto unknown = desk.client->Get((path + "?ids=" + std::to_string(id) + ",999").c_str());
        CHECK(unknown->status == 404);
        CHECK(error_fields(unknown) == std::vector<std::string>{"ids"});
        const auto malformed = desk.client->Get((path + "?ids=3-1").c_str());
        CHECK(malformed->status == 422);
        CHECK(error_fields(malformed) == std::vector<std::string>{"ids"});
        const auto too_many = desk.client->Get((path + "?ids=1-1001").c_str());
        CHECK(too_many->status == 422);
        CHECK(json_of(too_many)["error"]["code"] == "too_many_labels");
        const auto bad_filter = desk.client->Get((path + "?class=copier").c_str());
        CHECK(bad_filter->status == 400);
        CHECK(error_fields(bad_filter) == std::vector<std::string>{"class"});
    }
    // A filter that finds nothing prints one empty page.
    const auto none = desk.client->Get("/api/v1/devices/labels.pdf?class=mfp");
    REQUIRE(none->status == 200);
    const auto sheet = read_sheet(none->body, 1);
    CHECK(page_count(sheet) == 1);
    CHECK(sheet.codes == std::vector<std::string>{""});
}

TEST_CASE("without a usable font the labels still carry the QR code and the tag", "[inventory][labels][pdf]") {
    const std::vector<LabelText> labels{{"GSS-000001", "リコー IM C3000", "中央合同庁舎第3号館"},
                                        {"MFP-000002", "", ""}};
    TempDir folder;
    const auto not_a_font = folder.path() / "BIZUDPGothic-subset.0123456789ab.ttf";
    write_file(not_a_font, "not a font");
    for (const auto& font : {std::filesystem::path(), folder.path() / "missing.ttf", not_a_font}) {
        INFO(font);
        const auto pdf = label_sheet_pdf(labels, font);
        REQUIRE(pdf);
        const auto sheet = read_sheet(*pdf, 2);
        CHECK(page_count(sheet) == 1);
        CHECK(sheet.codes == std::vector<std::string>{"GSS-000001", "MFP-000002"});
        CHECK(sheet.text.find("MFP-000002") != std::string::npos);
        CHECK(sheet.text.find("リコー") == std::string::npos);
    }
}

TEST_CASE("the label font is the web app's, else Debian's BIZ UDPGothic", "[inventory][labels][pdf]") {
    TempDir web;
    CHECK(find_label_font(web.path()) == debian_font);
    std::filesystem::create_directories(web.path() / "fonts");
    write_file(web.path() / "fonts" / "OFL.txt", "licence");
    CHECK(find_label_font(web.path()) == debian_font);
    write_file(web.path() / "fonts" / "BIZUDPGothic-subset.0123456789ab.ttf", "font");
    CHECK(find_label_font(web.path()) == web.path() / "fonts" / "BIZUDPGothic-subset.0123456789ab.ttf");
}

TEST_CASE("a QR code's dark modules are filled as outlines, without edges between neighbours", "[inventory][labels][pdf]") {
    using madoguchi::server::inventory::GridPoint;
    using madoguchi::server::inventory::QrMatrix;
    using Loops = std::vector<std::vector<GridPoint>>;
    // Four dark modules in a square: one loop of four corners, clockwise (y down).
    CHECK(qr_outline(QrMatrix{2, {true, true, true, true}}) == Loops{{{0, 0}, {2, 0}, {2, 2}, {0, 2}}});
    // A ring: the outside clockwise, the light hole counter-clockwise, so the nonzero rule leaves it light.
    const QrMatrix ring{3, {true, true, true, true, false, true, true, true, true}};
    CHECK(qr_outline(ring) == Loops{{{0, 0}, {3, 0}, {3, 3}, {0, 3}}, {{1, 1}, {1, 2}, {2, 2}, {2, 1}}});
    // Modules touching only at a corner stay two squares.
    const auto diagonal = qr_outline(QrMatrix{2, {true, false, false, true}});
    REQUIRE(diagonal.size() == 2);
    CHECK(diagonal[0].size() == 4);
    CHECK(diagonal[1].size() == 4);
}
