// The browser entry point: WebGL2 context, the frame loop, the UI font, and the state
// published on window.madoguchi for tests and monitoring.
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <backends/imgui_impl_opengl3.h>
#include <map>
#include <memory>
#include <string>

#include "app/app.hpp"
#include "platform/web/download_web.hpp"
#include "platform/web/file_picker_web.hpp"
#include "platform/web/draft_storage_web.hpp"
#include "platform/web/http_web.hpp"
#include "platform/web/local_storage_web.hpp"
#include "platform/web/page_address.hpp"
#include "platform/web/preferences_web.hpp"
#include "platform/web/print_web.hpp"
#include "platform/web/sound_web.hpp"
#include "platform/web/terminal_web.hpp"
#include "platform/web/text_bridge_web.hpp"
#include "platform/web/reload_web.hpp"
#include "platform/web/remembered_user_web.hpp"
#include "platform/web/web_canvas.hpp"
#include "platform/web/web_input.hpp"
#include "ui/fonts.hpp"
#include "ui/item_registry.hpp"
#include "ui/style.hpp"

namespace {

using namespace madoguchi::client;

// localStorage key of the answers seen under 自分の問い合わせ.
constexpr const char* seen_answers_key = "seen_answers";

EM_JS(void, madoguchi_publish, (int ready, int frame, int font_loaded, const char* language), {
    const state = window.madoguchi;
    state.ready = ready !== 0;
    state.frame = frame;
    state.language = UTF8ToString(language);
    if (font_loaded && Module.madoguchiHideStatus) {
        Module.madoguchiHideStatus();
        Module.madoguchiHideStatus = null;
    }
});

// The app's own work per frame, for the benchmark: window.madoguchi.frameTimes() gives the
// last 600 durations in milliseconds.
EM_JS(void, madoguchi_publish_frame_time, (double milliseconds), {
    const state = window.madoguchi;
    if (!state.frameTimeLog) {
        state.frameTimeLog = [];
        state.frameTimes = function() { return state.frameTimeLog.slice(); };
    }
    state.frameTimeLog.push(milliseconds);
    if (state.frameTimeLog.length > 600) state.frameTimeLog.shift();
});

EM_JS(char*, madoguchi_font_url, (), { return stringToNewUTF8(window.madoguchi.fontUrl); });

// The browser's own view of the network: going offline shows the banner at once, coming
// back resends waiting requests without waiting for their backoff.
EM_JS(void, madoguchi_watch_network, (), {
    window.addEventListener("offline", function() { _madoguchi_network_changed(0); });
    window.addEventListener("online", function() { _madoguchi_network_changed(1); });
});

// Hiding the page (another tab, closing it, a phone locking) saves what is being typed.
EM_JS(void, madoguchi_watch_visibility, (), {
    document.addEventListener("visibilitychange", function() {
        if (document.visibilityState === "hidden") _madoguchi_page_hidden();
    });
    window.addEventListener("pagehide", function() { _madoguchi_page_hidden(); });
});

EM_JS(void, madoguchi_fail, (const char* message), { Module.onAbort(UTF8ToString(message)); });

struct WebClient {
    ApiClient api;
    WebFetchTransport transport{api};
    DraftStore drafts{web_drafts_folder, persist_drafts};
    App app{api, drafts};
    Preferences saved_preferences;
    std::string saved_user;  // what localStorage holds as the remembered user
    std::map<std::int64_t, std::string> saved_seen_answers;  // what localStorage holds of MyTickets::seen()
    std::string font;
    bool font_loaded = false;
    float ui_scale = 0.0F;  // scale the atlas and style were built for
    Theme theme = Theme::standard;
    float pixel_ratio = 1.0F;  // of the last frame, for items() in CSS pixels
    std::string items_json;  // the last answer of window.madoguchi.items(), kept alive for JS
    double last_frame_ms = 0.0;
    int frame = 0;
};

WebClient* client = nullptr;

void request_font() {
    char* url = madoguchi_font_url();
    client->api.get(url, [](const ApiResult& result) {
        if (!result.ok() || result.body.size() < 1024) {
            madoguchi_fail("font download failed");
            return;
        }
        client->font = result.body;
        client->font_loaded = true;
    });
    free(url);
}

// The atlas is rebuilt only when the pixel size of the text changes; a theme is just colours.
void follow_scale_and_theme(float scale, Theme theme) {
    if (scale != client->ui_scale) {
        if (!build_font_atlas(client->font, scale)) {
            madoguchi_fail("the UI font could not be read");
            return;
        }
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    if (scale != client->ui_scale || theme != client->theme) apply_style(scale, theme);
    client->ui_scale = scale;
    client->theme = theme;
}

void frame() {
    const double started_ms = emscripten_get_now();
    const auto metrics = sync_canvas_size();
    set_input_pixel_ratio(metrics.pixel_ratio);
    client->pixel_ratio = metrics.pixel_ratio;
    glViewport(0, 0, metrics.width_pixels, metrics.height_pixels);
    glClearColor(0.957F, 0.961F, 0.969F, 1.0F);
    glClear(GL_COLOR_BUFFER_BIT);

    if (!client->font_loaded) {
        client->api.drain();  // the font arrives through the same queue as API responses
        madoguchi_publish(0, client->frame, 0, "");
        return;
    }
    const auto& preferences = client->app.preferences();
    follow_scale_and_theme(metrics.pixel_ratio * client->app.text_scale(), preferences.theme);

    if (drafts_loaded() && !client->drafts.loaded()) client->drafts.load();
    auto& io = ImGui::GetIO();
    const double now_ms = emscripten_get_now();
    io.DeltaTime = client->last_frame_ms > 0.0 ? static_cast<float>((now_ms - client->last_frame_ms) / 1000.0) : 1.0F / 60.0F;
    if (io.DeltaTime <= 0.0F) io.DeltaTime = 1.0F / 1000.0F;
    client->last_frame_ms = now_ms;
    io.DisplaySize = ImVec2(static_cast<float>(metrics.width_pixels), static_cast<float>(metrics.height_pixels));

    ImGui_ImplOpenGL3_NewFrame();
    if (!web_input_queue().empty()) client->app.note_input();
    web_input_queue().apply_to_imgui();
    ImGui::NewFrame();
    client->app.set_update_available(web_update_ready());
    deliver_picked_files();
    client->app.frame(madoguchi::calendar::now());
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    sync_text_bridge(text_entry_state(), metrics.pixel_ratio);
    for (const bool accepted : client->app.take_sounds()) play_scan_sound(accepted);
    if (client->app.session().remembered() != client->saved_user) {
        client->saved_user = client->app.session().remembered();
        store_remembered_user(client->saved_user);
    }
    if (client->app.preferences() != client->saved_preferences) {
        save_preferences(client->app.preferences());
        client->saved_preferences = client->app.preferences();
    }
    if (const auto& seen = client->app.inquiry_page().mine.seen(); seen != client->saved_seen_answers) {
        client->saved_seen_answers = seen;
        store_text(seen_answers_key, seen_answers_text(seen));
    }
    apply_mouse_cursor(ImGui::GetMouseCursor());
    if (client->app.take_reload_request()) reload_into_new_build();

    ++client->frame;
    const auto language = madoguchi::i18n::language_code(client->app.preferences().language);
    madoguchi_publish(client->app.ready() ? 1 : 0, client->frame, 1, language.data());
    madoguchi_publish_frame_time(emscripten_get_now() - started_ms);
}

bool create_webgl2_context() {
    EmscriptenWebGLContextAttributes attributes;
    emscripten_webgl_init_context_attributes(&attributes);
    attributes.majorVersion = 2;
    attributes.minorVersion = 0;
    attributes.alpha = EM_FALSE;
    attributes.antialias = EM_FALSE;
    attributes.depth = EM_FALSE;
    attributes.stencil = EM_FALSE;
    // Tests read the canvas' pixels after the frame; without this they would read a cleared buffer.
    attributes.preserveDrawingBuffer = EM_TRUE;
    const auto context = emscripten_webgl_create_context("#canvas", &attributes);
    return context > 0 && emscripten_webgl_make_context_current(context) == EMSCRIPTEN_RESULT_SUCCESS;
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void madoguchi_page_hidden() {
    client->app.save_drafts_now();
    journal_drafts();
}

extern "C" EMSCRIPTEN_KEEPALIVE void madoguchi_network_changed(int available) {
    client->api.set_network_available(available != 0);
}

// Backs window.madoguchi.items() (assets/web/boot.js): the last frame's items, CSS pixels.
extern "C" EMSCRIPTEN_KEEPALIVE const char* madoguchi_items_json() {
    client->items_json = item_records_json(client->pixel_ratio);
    return client->items_json.c_str();
}

int main() {
    if (!create_webgl2_context()) {
        madoguchi_fail("WebGL2 is not available in this browser.");
        return 1;
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    auto& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is fixed; nothing to persist between visits
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.BackendPlatformName = "madoguchi_web";
    install_web_input();
    install_text_bridge(web_input_queue());
    install_item_hooks();
    ImGui_ImplOpenGL3_Init("#version 300 es");

    client = new WebClient();
    client->api.set_transport(&client->transport);
    client->saved_preferences = load_preferences();
    client->app.preferences() = client->saved_preferences;
    if (const auto area = area_from_name(page_parameter("view"))) client->app.select(*area);
    client->app.set_terminal(load_terminal_settings());
    client->app.on_terminal_change(remember_terminal_settings);
    client->app.set_download(download_from);
    client->app.set_printer(print_sheets);
    client->app.set_file_picker(pick_file_web);
    client->app.ticket_desk_page().saved.set_storage({load_stored_text, store_text});
    client->saved_user = load_remembered_user();
    client->saved_seen_answers = seen_answers_from_text(load_stored_text(seen_answers_key));
    client->app.inquiry_page().mine.restore_seen(client->saved_seen_answers);
    client->app.start(user_from_remembered(client->saved_user));
    madoguchi_watch_network();
    mount_draft_storage();
    madoguchi_watch_visibility();
    request_font();
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
