package org.lifeboat.android.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.lifeboat.adb.client.ShellQuoting;

/**
 * A {@code content query} invocation. The projection is always explicit so that the output parser knows every column
 * name and its order (android-data.md §2.3), and only the last column may hold free text.
 */
public final class ContentQuery {

    private final String uri;
    private final List<ColumnSpec> columns;
    private final Optional<String> where;
    private final Optional<String> sort;
    private final OptionalInt user;

    private ContentQuery(Builder builder) {
        this.uri = builder.uri;
        this.columns = List.copyOf(builder.columns);
        this.where = Optional.ofNullable(builder.where);
        this.sort = Optional.ofNullable(builder.sort);
        this.user = builder.user;
    }

    public static Builder builder(String uri) {
        return new Builder(uri);
    }

    public String uri() {
        return uri;
    }

    public List<ColumnSpec> columns() {
        return columns;
    }

    public Optional<String> where() {
        return where;
    }

    public OptionalInt user() {
        return user;
    }

    /** The projection expressions in the order the provider will print them. */
    public List<String> projection() {
        return columns.stream().flatMap(c -> c.expressions().stream()).toList();
    }

    /** The argument vector, starting with {@code content}; every element is one device-shell word. */
    public List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("content", "query", "--uri", uri));
        args.add("--projection");
        // Content.java splits the projection on the regex [\s]*:[\s]*.
        args.add(String.join(":", projection()));
        where.ifPresent(w -> args.addAll(List.of("--where", w)));
        sort.ifPresent(s -> args.addAll(List.of("--sort", s)));
        user.ifPresent(u -> args.addAll(List.of("--user", Integer.toString(u))));
        return List.copyOf(args);
    }

    /** The command line for {@code adb shell} / a long-lived shell, quoted for the device's sh. */
    public String shellCommand() {
        return ShellQuoting.join(arguments());
    }

    @Override
    public String toString() {
        return shellCommand();
    }

    public static final class Builder {
        private final String uri;
        private final List<ColumnSpec> columns = new ArrayList<>();
        private String where;
        private String sort;
        private OptionalInt user = OptionalInt.empty();

        private Builder(String uri) {
            if (uri == null || !uri.startsWith("content://") || uri.length() == "content://".length()) {
                throw new IllegalArgumentException("expected a content:// URI with an authority, got " + uri);
            }
            this.uri = ContentArguments.requireValue("--uri", uri);
        }

        public Builder column(ColumnSpec column) {
            columns.add(column);
            return this;
        }

        public Builder columns(ColumnSpec... specs) {
            columns.addAll(List.of(specs));
            return this;
        }

        /** A SQL selection, passed to the provider verbatim; quote literals with {@link SqlLiteral}. */
        public Builder where(String selection) {
            this.where = ContentArguments.requireValue("--where", selection);
            return this;
        }

        public Builder sort(String sortOrder) {
            this.sort = ContentArguments.requireValue("--sort", sortOrder);
            return this;
        }

        public Builder user(int userId) {
            if (userId < 0) {
                throw new IllegalArgumentException("user id must be >= 0, got " + userId);
            }
            this.user = OptionalInt.of(userId);
            return this;
        }

        public ContentQuery build() {
            if (columns.isEmpty()) {
                throw new IllegalStateException("a query needs at least one column so its output can be parsed");
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < columns.size(); i++) {
                ColumnSpec column = columns.get(i);
                if (!seen.add(column.column())) {
                    // Content.java looks types up by name, so a repeated name prints the first column's value twice.
                    throw new IllegalStateException("column " + column.column() + " appears twice in the projection");
                }
                if (column.kind() == ColumnSpec.Kind.TEXT && i != columns.size() - 1) {
                    throw new IllegalStateException("free-text column " + column.column()
                            + " must be the last column; query it separately or use hexText where expressions work");
                }
            }
            return new ContentQuery(this);
        }
    }
}
