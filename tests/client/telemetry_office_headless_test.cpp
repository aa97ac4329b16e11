// The telemetry office tabs drawn headless over a real server's data, in both languages and
// date styles: each tab loads and shows what the server holds (no IM_ASSERT on the way).
#include <catch2/catch.hpp>

#include <imgui.h>

#include <chrono>
#include <thread>

#include "app/app.hpp"
#include "headless_imgui.hpp"
#include "live_app_screen.hpp"
#include "telemetry/billing_report_view.hpp"
#include "telemetry/chatbot_availability_view.hpp"
#include "telemetry/firmware_compliance_view.hpp"
#include "telemetry/toner_board_view.hpp"
#include "telemetry_office_fixtures.hpp"
#include "ui/item_registry.hpp"

using namespace madoguchi;
using i18n::Language;

namespace {

bool shown(std::string_view label, std::string_view role) {
    for (const auto& item : client::item_records()) {
        if (item.label == label && item.role == role) return true;
    }
    return false;
}

// Draws the tab, the network answering between frames, until `done` (at most 15 s).
template <typename Draw, typename Done>
bool draw_until(testing::HeadlessImGui& imgui, client::App& app, Draw draw, Done done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    do {
        app.api().drain();
        imgui.frame([&] {
            ImGui::SetNextWindowPos(ImVec2(0.0F, 0.0F));
            ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
            ImGui::Begin("tab", nullptr, ImGuiWindowFlags_NoDecoration);
            draw();
            ImGui::End();
            client::finish_item_frame();
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    } while (!done() && std::chrono::steady_clock::now() < deadline);
    return done();
}

}  // namespace

TEST_CASE("every office tab draws the server's data in both languages and date styles", "[telemetry_office][headless]") {
    testing::TelemetryOffice office;
    const auto model = office.model("リコー", "RICOH IM C3510F");
    const auto mfp = office.printer("MFP-000001", model);
    office.toner_order(mfp, "cyan", "ordered", "リコージャパン株式会社", 30);
    office.firmware(mfp, calendar::Instant{calendar::now().unix_seconds - 3600}, "1.05");
    office.counter(mfp, calendar::Instant{calendar::now().unix_seconds - 7200}, 1000);
    office.counter(mfp, calendar::Instant{calendar::now().unix_seconds - 60}, 1100);
    office.probes(calendar::Instant{calendar::now().unix_seconds - 600}, "UUDUU");
    testing::LiveApp signed_in(office.server.port());
    signed_in.sign_in("itoffice1");
    auto& app = signed_in.app;
    auto& page = app.telemetry_page();
    testing::HeadlessImGui imgui(1280.0F, 900.0F);

    for (const auto language : {Language::ja, Language::en}) {
        for (const bool wareki : {false, true}) {
            app.preferences().language = language;
            app.preferences().wareki = wareki;
            page.forget();
            const auto cyan = "MFP-000001 " + i18n::text("telemetry.colour.cyan", language);
            CHECK(draw_until(imgui, app, [&] { client::draw_toner_board(app, page.toner); }, [&] { return shown(cyan, "listitem"); }));
            CHECK(draw_until(imgui, app, [&] { client::draw_firmware_compliance(app, page.firmware); },
                             [&] { return shown("リコー RICOH IM C3510F", "table-row"); }));
            page.firmware.open(model);
            CHECK(draw_until(imgui, app, [&] { client::draw_firmware_compliance(app, page.firmware); },
                             [&] { return shown(i18n::text("telemetry_office.firmware.target_field", language), "textbox"); }));
            CHECK(draw_until(imgui, app, [&] { client::draw_billing(app, page.billing); },
                             [&] { return shown(i18n::text("telemetry_office.billing.chart", language), "chart"); }));
            CHECK(draw_until(imgui, app, [&] { client::draw_chatbot_availability(app, page.chatbot); },
                             [&] { return shown(i18n::text("telemetry_office.chatbot.chart", language), "chart"); }));
            CHECK(shown(i18n::text("telemetry_office.chatbot.form", language), "heading"));
        }
    }
}
