#include "inventory/label_pdf.hpp"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <memory>
#include <mutex>

#include "inventory/label_qr.hpp"

namespace madoguchi::server::inventory {
namespace {

namespace layout = label_layout;

constexpr double points_per_mm = 72.0 / 25.4;

struct SurfaceDeleter {
    void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct ContextDeleter {
    void operator()(cairo_t* context) const { cairo_destroy(context); }
};
struct FaceDeleter {
    void operator()(cairo_font_face_t* face) const { cairo_font_face_destroy(face); }
};
using FontFace = std::unique_ptr<cairo_font_face_t, FaceDeleter>;

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// A FreeType library of its own per face: FreeType wants a library's faces opened and closed on
// one thread at a time, and cairo frees the face (and so the library) on whichever thread
// drops it last. Cairo itself locks the face while it draws with it.
struct LoadedFont {
    FT_Library library = nullptr;
    FT_Face face = nullptr;
};

void free_font(void* data) {
    auto* font = static_cast<LoadedFont*>(data);
    if (font->face) FT_Done_Face(font->face);
    FT_Done_FreeType(font->library);
    delete font;
}

const cairo_user_data_key_t loaded_font_key{};

// Null when the file is missing or not a font.
FontFace load_font(const std::filesystem::path& path) {
    if (path.empty()) return nullptr;
    auto font = std::make_unique<LoadedFont>();
    if (FT_Init_FreeType(&font->library) != 0) return nullptr;
    if (FT_New_Face(font->library, path.c_str(), 0, &font->face) != 0) {
        free_font(font.release());
        return nullptr;
    }
    FontFace face(cairo_ft_font_face_create_for_ft_face(font->face, 0));
    if (cairo_font_face_status(face.get()) != CAIRO_STATUS_SUCCESS) {
        free_font(font.release());
        return nullptr;
    }
    if (cairo_font_face_set_user_data(face.get(), &loaded_font_key, font.get(), &free_font) != CAIRO_STATUS_SUCCESS) {
        face.reset();
        free_font(font.release());
        return nullptr;
    }
    font.release();
    return face;
}

// The face of the font at `path`, opened once and shared by every sheet: a file opened per
// sheet would stay open in cairo's font cache long after. Only the latest path is kept, as a
// rebuilt web app renames its font.
FontFace font_from_file(const std::filesystem::path& path) {
    static std::mutex mutex;
    static std::filesystem::path loaded_path;
    static FontFace loaded;
    const std::lock_guard lock(mutex);
    if (path != loaded_path || !loaded) {
        loaded = load_font(path);
        loaded_path = path;
    }
    return FontFace(loaded ? cairo_font_face_reference(loaded.get()) : nullptr);
}

// The dark modules as one filled outline, inside a white square with the quiet zone.
void draw_qr_code(cairo_t* cr, double x, double y, const QrMatrix& matrix) {
    const double module = layout::code_side / (matrix.size + 2 * layout::quiet_modules);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, x, y, layout::code_side, layout::code_side);
    cairo_fill(cr);
    const double origin_x = x + layout::quiet_modules * module;
    const double origin_y = y + layout::quiet_modules * module;
    for (const auto& loop : qr_outline(matrix)) {
        cairo_move_to(cr, origin_x + loop.front().x * module, origin_y + loop.front().y * module);
        for (auto corner = loop.begin() + 1; corner != loop.end(); ++corner) {
            cairo_line_to(cr, origin_x + corner->x * module, origin_y + corner->y * module);
        }
        cairo_close_path(cr);
    }
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
    cairo_fill(cr);
}

void draw_cut_line(cairo_t* cr, const layout::LabelPlace& place) {
    const double grey = 0xcc / 255.0;
    cairo_set_source_rgb(cr, grey, grey, grey);
    cairo_set_line_width(cr, layout::cut_line_width);
    cairo_rectangle(cr, place.x, place.y, layout::label_width, layout::label_height);
    cairo_stroke(cr);
}

}  // namespace

std::optional<std::string> label_sheet_pdf(std::span<const LabelText> labels, const std::filesystem::path& font) {
    std::string pdf;
    const std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(cairo_pdf_surface_create_for_stream(
        &append_bytes, &pdf, layout::page_width * points_per_mm, layout::page_height * points_per_mm));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, "資産ラベル / Asset labels");
    const std::unique_ptr<cairo_t, ContextDeleter> context(cairo_create(surface.get()));
    cairo_t* cr = context.get();
    cairo_scale(cr, points_per_mm, points_per_mm);

    const FontFace japanese = font_from_file(font);
    // No Japanese font: cairo's built-in stroke font ("@cairo:" skips fontconfig), which
    // draws the ASCII tag, so the label still names its device in text.
    const FontFace fallback(japanese ? nullptr
                                     : cairo_toy_font_face_create("@cairo:monospace", CAIRO_FONT_SLANT_NORMAL,
                                                                  CAIRO_FONT_WEIGHT_BOLD));
    cairo_set_font_face(cr, japanese ? japanese.get() : fallback.get());

    for (std::size_t index = 0; index < labels.size(); ++index) {
        const auto& label = labels[index];
        const auto matrix = qr_matrix(label.asset_tag);
        if (!matrix) return std::nullopt;
        const auto place = layout::place_of(index);
        if (index > 0 && place.page != layout::place_of(index - 1).page) cairo_show_page(cr);
        draw_cut_line(cr, place);
        draw_qr_code(cr, place.x + layout::padding, place.y + layout::padding, *matrix);
        cairo_set_source_rgb(cr, 0, 0, 0);
        for (const auto& line : layout::text_lines(label, place)) {
            if (!japanese && !line.tag) continue;
            cairo_set_font_size(cr, line.size);
            cairo_move_to(cr, line.x, line.y);
            cairo_show_text(cr, line.text.c_str());
        }
    }
    // The last page, or the one empty page of a selection that finds nothing.
    cairo_show_page(cr);
    cairo_surface_finish(surface.get());
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS || cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
        return std::nullopt;
    }
    return pdf;
}

}  // namespace madoguchi::server::inventory
