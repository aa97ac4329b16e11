#include "http/static_files.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "http/file_types.hpp"
#include "i18n/catalog.hpp"

namespace madoguchi::server::http {
namespace {

namespace fs = std::filesystem;

struct FileInfo {
    std::size_t size = 0;
    std::time_t modified = 0;
    long modified_nanoseconds = 0;
};

std::optional<FileInfo> regular_file_info(const fs::path& path) {
    struct stat status{};
    if (::stat(path.c_str(), &status) != 0 || !S_ISREG(status.st_mode)) return std::nullopt;
    return FileInfo{static_cast<std::size_t>(status.st_size), status.st_mtim.tv_sec, status.st_mtim.tv_nsec};
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return text;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    while (true) {
        const auto end = text.find(separator);
        parts.push_back(text.substr(0, end));
        if (end == std::string_view::npos) return parts;
        text.remove_prefix(end + 1);
    }
}

bool equals_ignoring_case(std::string_view left, std::string_view right) {
    if (left.size() != right.size()) return false;
    for (std::size_t i = 0; i < left.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(left[i])) != std::tolower(static_cast<unsigned char>(right[i]))) {
            return false;
        }
    }
    return true;
}

// A q-value of zero ("q=0", "q=0.000") means "not acceptable".
bool has_zero_quality(std::string_view parameters) {
    for (auto parameter : split(parameters, ';')) {
        parameter = trim(parameter);
        if (parameter.size() < 2 || std::tolower(static_cast<unsigned char>(parameter[0])) != 'q' ||
            parameter[1] != '=') {
            continue;
        }
        const auto value = trim(parameter.substr(2));
        return !value.empty() && value.find_first_not_of("0.") == std::string_view::npos;
    }
    return false;
}

std::string http_date(std::time_t time) {
    std::tm utc{};
    gmtime_r(&time, &utc);
    std::array<char, 64> text{};
    const auto length = std::strftime(text.data(), text.size(), "%a, %d %b %Y %H:%M:%S GMT", &utc);
    return std::string(text.data(), length);
}

std::optional<std::time_t> parse_http_date(const std::string& text) {
    std::tm utc{};
    const char* end = strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &utc);
    if (end == nullptr || *end != '\0') return std::nullopt;
    return timegm(&utc);
}

std::string entity_tag(const FileInfo& info, bool gzipped) {
    char tag[80];
    std::snprintf(tag, sizeof tag, "\"%zx-%llx-%lx%s\"", info.size, static_cast<unsigned long long>(info.modified),
                  info.modified_nanoseconds, gzipped ? "-gz" : "");
    return tag;
}

bool matches_any_tag(std::string_view if_none_match, std::string_view tag) {
    for (auto candidate : split(if_none_match, ',')) {
        candidate = trim(candidate);
        if (candidate.starts_with("W/")) candidate.remove_prefix(2);
        if (candidate == "*" || candidate == tag) return true;
    }
    return false;
}

bool is_not_modified(const httplib::Request& request, const FileInfo& info, std::string_view tag) {
    // If-None-Match wins over If-Modified-Since when both are sent (RFC 9110 §13.2.2).
    if (request.has_header("If-None-Match")) return matches_any_tag(request.get_header_value("If-None-Match"), tag);
    if (!request.has_header("If-Modified-Since")) return false;
    const auto since = parse_http_date(request.get_header_value("If-Modified-Since"));
    return since && info.modified <= *since;
}

using OpenFile = std::shared_ptr<std::FILE>;

OpenFile open_file(const fs::path& path) {
    return OpenFile(std::fopen(path.c_str(), "rb"), [](std::FILE* file) {
        if (file) std::fclose(file);
    });
}

// Streams the file rather than handing httplib a body string: httplib compresses text
// bodies on the fly, which would compress a .gz body a second time.
void send_file(httplib::Response& response, OpenFile file, std::size_t size, std::string_view content_type) {
    response.set_content_provider(
        size, std::string(content_type), [file](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
            std::array<char, 64 * 1024> buffer;
            if (std::fseek(file.get(), static_cast<long>(offset), SEEK_SET) != 0) return false;
            const auto read = std::fread(buffer.data(), 1, std::min(length, buffer.size()), file.get());
            return read > 0 && sink.write(buffer.data(), read);
        });
}

// Whether an Accept-Encoding header admits gzip ("gzip", "*", and not "gzip;q=0").
bool accepts_gzip(std::string_view accept_encoding) {
    bool wildcard = false;
    for (const auto& item : split(accept_encoding, ',')) {
        const auto semicolon = item.find(';');
        const auto coding = trim(item.substr(0, semicolon));
        const auto refused = semicolon != std::string_view::npos && has_zero_quality(item.substr(semicolon + 1));
        if (equals_ignoring_case(coding, "gzip")) return !refused;
        if (coding == "*") wildcard = !refused;
    }
    return wildcard;
}

}  // namespace

bool StaticFiles::is_available() const { return fs::is_directory(web_dir_); }

std::optional<fs::path> StaticFiles::resolve(std::string_view url_path) const {
    if (url_path == "/") url_path = "/index.html";
    if (!url_path.starts_with('/') || url_path.find('\0') != std::string_view::npos ||
        url_path.find('\\') != std::string_view::npos) {
        return std::nullopt;
    }
    fs::path relative;
    for (const auto segment : split(url_path.substr(1), '/')) {
        // Also refuses ".", ".." and hidden files such as .git: nothing the build ships.
        if (segment.empty() || segment.front() == '.') return std::nullopt;
        relative /= fs::path(segment);
    }
    std::error_code failure;
    const auto root = fs::canonical(web_dir_, failure);
    if (failure) return std::nullopt;
    const auto file = fs::canonical(root / relative, failure);
    if (failure) return std::nullopt;
    // A symbolic link inside the folder must not lead out of it either.
    const auto inside = file.lexically_relative(root);
    if (inside.empty() || *inside.begin() == "..") return std::nullopt;
    return file;
}

bool StaticFiles::serve(const httplib::Request& request, httplib::Response& response) const {
    if (!is_available()) {
        if (request.path != "/" && request.path != "/index.html") return false;
        const auto texts = i18n::texts("server.web_app_not_built");
        response.status = 503;
        response.set_header("Cache-Control", "no-store");
        response.set_content(texts.ja + "\n" + texts.en + "\n", "text/plain; charset=utf-8");
        return true;
    }
    const auto file = resolve(request.path);
    if (!file) return false;
    const auto plain = regular_file_info(*file);
    if (!plain) return false;

    const auto file_name = file->filename().string();
    const auto gzip_path = fs::path(file->string() + ".gz");
    const auto gzipped = regular_file_info(gzip_path);
    const bool send_gzip = gzipped && accepts_gzip(request.get_header_value("Accept-Encoding"));
    const auto& info = send_gzip ? *gzipped : *plain;
    const auto tag = entity_tag(info, send_gzip);
    auto body = open_file(send_gzip ? gzip_path : *file);
    if (!body) return false;

    response.set_header("Cache-Control", std::string(cache_control_for(file_name)));
    response.set_header("ETag", tag);
    response.set_header("Last-Modified", http_date(info.modified));
    if (gzipped) response.set_header("Vary", "Accept-Encoding");
    if (is_not_modified(request, info, tag)) {
        response.status = 304;
        return true;
    }
    if (send_gzip) response.set_header("Content-Encoding", "gzip");
    send_file(response, std::move(body), info.size, mime_type_for(file_name));
    return true;
}

}  // namespace madoguchi::server::http
