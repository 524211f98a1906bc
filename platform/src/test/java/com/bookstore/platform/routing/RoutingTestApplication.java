package com.bookstore.platform.routing;

import com.bookstore.platform.security.BookstoreSecurity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service on the platform: repository, transactional service, controller — as the real ones are. */
@SpringBootApplication
public class RoutingTestApplication {

    /** The routing tests are about the database: every endpoint of this app is open. */
    @Bean
    SecurityFilterChain openChain(HttpSecurity http, BookstoreSecurity security) throws Exception {
        return security.apply(http)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    /** The notes table, in the caller's transaction, as the services' repositories are. */
    @Repository
    public static class NoteRepository {
        private final JdbcClient jdbc;

        NoteRepository(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        long insert(String text) {
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO notes (text) VALUES (?)").param(text).update(key, "id");
            return key.getKeyAs(Number.class).longValue();
        }

        String text(long id) {
            return jdbc.sql("SELECT text FROM notes WHERE id = ?")
                    .param(id)
                    .query(String.class)
                    .optional()
                    .orElse(null);
        }

        int serverId() {
            return jdbc.sql("SELECT @@server_id").query(Integer.class).single();
        }

        void sleep(String tag) {
            jdbc.sql("SELECT /* " + tag.replaceAll("[^a-z0-9-]", "") + " */ SLEEP(3)")
                    .query()
                    .singleValue();
        }
    }

    /** What a transaction saw, and which server ({@code @@server_id}) executed it. */
    public record Observation(Long id, String text, int serverId) {}

    public record NoteRequest(@NotBlank String text) {}

    @Service
    public static class NoteService {
        private final NoteRepository notes;
        private final NestedWriter nested;

        NoteService(NoteRepository notes, NestedWriter nested) {
            this.notes = notes;
            this.nested = nested;
        }

        @Transactional
        public Observation write(String text) {
            return new Observation(notes.insert(text), text, notes.serverId());
        }

        @Transactional(readOnly = true)
        public Observation read(long id) {
            return new Observation(id, notes.text(id), notes.serverId());
        }

        /** A read in a read-write transaction (as a key is polled on the writer): it commits, writing nothing. */
        @Transactional
        public Observation readOnTheWriter(long id) {
            return read(id);
        }

        /** A read that takes a while on its server: long enough to kill the server under it. */
        @Transactional(readOnly = true)
        public Observation slowRead(long id, String tag) {
            notes.sleep(tag);
            return read(id);
        }

        @Transactional(readOnly = true)
        public Observation writeInsideRead(String text) {
            notes.serverId();
            return nested.write(text);
        }

        @Transactional(readOnly = true)
        public List<Integer> writeInNewTransactionInsideRead(String text) {
            int outer = notes.serverId();
            int inner = nested.writeInNewTransaction(text).serverId();
            return List.of(outer, inner);
        }
    }

    @Service
    public static class NestedWriter {
        private final NoteRepository notes;

        NestedWriter(NoteRepository notes) {
            this.notes = notes;
        }

        @Transactional
        public Observation write(String text) {
            return new Observation(notes.insert(text), text, notes.serverId());
        }

        @Transactional(propagation = Propagation.REQUIRES_NEW)
        public Observation writeInNewTransaction(String text) {
            return write(text);
        }
    }

    @RestController
    static class NoteController {
        private final NoteService service;

        NoteController(NoteService service) {
            this.service = service;
        }

        @PostMapping("/notes")
        @ResponseStatus(HttpStatus.CREATED)
        Observation create(@RequestBody @Valid NoteRequest request) {
            return service.write(request.text());
        }

        @GetMapping("/notes/{id}")
        Observation read(@PathVariable long id) {
            return service.read(id);
        }

        /** A request that writes once, then commits many read-write transactions that write nothing. */
        @PostMapping("/notes/{id}/polled")
        Observation polled(@PathVariable long id) {
            Observation written = service.write("polled-" + id);
            for (int i = 0; i < 300; i++) {
                service.readOnTheWriter(written.id());
            }
            return written;
        }
    }
}
