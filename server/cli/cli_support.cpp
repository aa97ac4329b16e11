#include "cli/cli_support.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include "i18n/catalog.hpp"
#include "store/migrations.hpp"
#include "text/encoding.hpp"
#include "text/utf8.hpp"

namespace madoguchi::server::cli {
namespace {

bool is_help(std::string_view argument) { return argument == "-h" || argument == "--help"; }

bool listed(const std::vector<std::string>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

std::string ParsedOptions::value(std::string_view name) const {
    const auto found = values.find(name);
    return found == values.end() ? std::string() : found->second;
}

std::variant<ParsedOptions, ShowHelp, BadUsage> parse_options(const CommandSpec& spec,
                                                              std::span<const std::string_view> arguments) {
    const std::string prefix = "madoguchi " + spec.name + ": ";
    ParsedOptions options;
    for (std::size_t index = 0; index < arguments.size(); ++index) {
        const auto argument = arguments[index];
        if (is_help(argument)) return ShowHelp{};
        if (!argument.starts_with("--")) {
            options.positional.emplace_back(argument);
            continue;
        }
        const auto equals = argument.find('=');
        const auto name = argument.substr(0, equals);
        if (listed(spec.flag_options, name) && equals == std::string_view::npos) {
            options.flags.emplace(name);
            continue;
        }
        if (!listed(spec.value_options, name)) {
            return BadUsage{prefix + "unknown option '" + std::string(name) + "' (see madoguchi " + spec.name + " --help)"};
        }
        std::string_view value;
        if (equals != std::string_view::npos) {
            value = argument.substr(equals + 1);
        } else if (index + 1 < arguments.size()) {
            value = arguments[++index];
        }
        if (value.empty()) return BadUsage{prefix + "option " + std::string(name) + " needs a value"};
        options.values[std::string(name)] = std::string(value);
    }
    for (const auto& name : spec.required) {
        if (!options.values.contains(name)) return BadUsage{prefix + "option " + name + " is required"};
    }
    if (options.positional.size() != spec.positional) {
        if (spec.positional == 0) {
            return BadUsage{prefix + "unexpected argument '" + options.positional.front() + "'"};
        }
        return BadUsage{prefix + (options.positional.empty() ? "missing the file to read"
                                                             : "takes one file, not " + std::to_string(options.positional.size()))};
    }
    return options;
}

std::optional<int> read_options(const CommandSpec& spec, std::span<const std::string_view> arguments,
                                ParsedOptions& options) {
    auto parsed = parse_options(spec, arguments);
    if (std::holds_alternative<ShowHelp>(parsed)) {
        std::fputs(spec.help.c_str(), stdout);
        return exit_ok;
    }
    if (const auto* usage = std::get_if<BadUsage>(&parsed)) {
        std::fprintf(stderr, "%s\n", usage->message.c_str());
        return exit_bad_usage;
    }
    options = std::move(std::get<ParsedOptions>(parsed));
    return std::nullopt;
}

int dispatch(std::string_view group, std::string_view help, std::span<const Subcommand> subcommands,
             std::span<const std::string_view> arguments) {
    if (arguments.empty()) {
        std::fprintf(stderr, "madoguchi %.*s: missing subcommand\n\n%.*s", static_cast<int>(group.size()), group.data(),
                     static_cast<int>(help.size()), help.data());
        return exit_bad_usage;
    }
    if (is_help(arguments.front())) {
        std::fwrite(help.data(), 1, help.size(), stdout);
        return exit_ok;
    }
    for (const auto& subcommand : subcommands) {
        if (arguments.front() == subcommand.name) return subcommand.run(arguments.subspan(1));
    }
    std::fprintf(stderr, "madoguchi %.*s: unknown subcommand '%.*s' (see madoguchi %.*s --help)\n",
                 static_cast<int>(group.size()), group.data(), static_cast<int>(arguments.front().size()),
                 arguments.front().data(), static_cast<int>(group.size()), group.data());
    return exit_bad_usage;
}

std::optional<store::Database> open_database(const std::string& path) {
    auto database = store::Database::open(path);
    if (!database) {
        std::fprintf(stderr, "error: %s\n", database.error().c_str());
        return std::nullopt;
    }
    if (auto migrated = store::migrate(database.value()); !migrated) {
        std::fprintf(stderr, "error: %s\n", migrated.error().c_str());
        return std::nullopt;
    }
    return std::move(database.value());
}

std::optional<std::string> read_text_file(const std::string& path, const std::string& encoding, std::string& used) {
    const auto chosen = text::parse_encoding(encoding.empty() ? "auto" : encoding);
    if (!chosen) {
        std::fprintf(stderr, "error: unknown encoding '%s' (use auto, utf-8 or cp932)\n", encoding.c_str());
        return std::nullopt;
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        std::fprintf(stderr, "error: cannot read %s: %s\n", path.c_str(), std::strerror(errno));
        return std::nullopt;
    }
    const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    auto decoded = text::decode_text(bytes, *chosen);
    if (const auto* error = std::get_if<text::DecodeError>(&decoded)) {
        std::fprintf(stderr, "%s: line %zu: encoding: %s; nothing was written\n", path.c_str(), error->line,
                     error->message.c_str());
        return std::nullopt;
    }
    auto& result = std::get<text::DecodedText>(decoded);
    used = text::encoding_name(result.encoding);
    return std::move(result.utf8);
}

int fail(const std::string& message) {
    std::fprintf(stderr, "error: %s\n", message.c_str());
    return exit_failed;
}

std::variant<ImportFile, int> read_import_file(const CommandSpec& spec, const ParsedOptions& options) {
    if (options.has("--encoding") && !text::parse_encoding(options.value("--encoding"))) {
        std::fprintf(stderr, "madoguchi %s: --encoding must be auto, utf-8 or cp932, not '%s'\n", spec.name.c_str(),
                     options.value("--encoding").c_str());
        return exit_bad_usage;
    }
    ImportFile file{options.positional.front(), {}, {}};
    auto text = read_text_file(file.path, options.value("--encoding"), file.encoding);
    if (!text) return exit_failed;
    file.text = std::move(*text);
    return file;
}

std::optional<int> report_import_problems(const std::string& path, const std::vector<identity::ImportProblem>& problems) {
    for (const auto& problem : problems) {
        std::fprintf(stderr, "%s: line %zu: %s: %s\n", path.c_str(), problem.line, problem.field.c_str(),
                     problem.message.c_str());
    }
    if (problems.empty()) return std::nullopt;
    return fail(std::to_string(problems.size()) + " problem(s) in " + path + "; nothing was written");
}

std::string describe(const validation::FieldProblem& problem) {
    const auto& text = i18n::has_key(problem.reason_key) ? i18n::text(problem.reason_key, i18n::Language::en)
                                                         : problem.reason_key;
    return problem.field + ": " + text;
}

std::size_t display_width(std::string_view text) {
    const auto decoded = madoguchi::text::decode_utf8(text);
    if (!decoded) return text.size();
    std::size_t width = 0;
    for (const auto code_point : *decoded) width += code_point < 0x1100 || (code_point >= 0xFF61 && code_point <= 0xFF9F) ? 1 : 2;
    return width;
}

std::string pad(std::string_view text, std::size_t width) {
    std::string padded(text);
    const auto used = display_width(text);
    if (used < width) padded.append(width - used, ' ');
    return padded;
}

}  // namespace madoguchi::server::cli
