package com.bookstore.platform.routing;

import com.bookstore.platform.security.BookstoreSecurity;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service on the platform: JPA repository, transactional service, controller — as the real ones are. */
@SpringBootApplication
@EnableJpaRepositories(considerNestedRepositories = true)
public class RoutingTestApplication {

    /** The routing tests are about the database: every endpoint of this app is open. */
    @Bean
    SecurityFilterChain openChain(HttpSecurity http, BookstoreSecurity security) throws Exception {
        return security.apply(http)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    @Entity
    @Table(name = "notes")
    public static class Note {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        String text;

        protected Note() {}

        Note(String text) {
            this.text = text;
        }
    }

    public interface NoteRepository extends JpaRepository<Note, Long> {}

    /** What a transaction saw, and which server ({@code @@server_id}) executed it. */
    public record Observation(Long id, String text, int serverId) {}

    public record NoteRequest(@NotBlank String text) {}

    @Service
    public static class NoteService {
        private final NoteRepository notes;
        private final EntityManager entityManager;
        private final NestedWriter nested;

        NoteService(NoteRepository notes, EntityManager entityManager, NestedWriter nested) {
            this.notes = notes;
            this.entityManager = entityManager;
            this.nested = nested;
        }

        @Transactional
        public Observation write(String text) {
            Note note = notes.saveAndFlush(new Note(text));
            return new Observation(note.id, note.text, serverId(entityManager));
        }

        @Transactional(readOnly = true)
        public Observation read(long id) {
            String text = notes.findById(id).map(note -> note.text).orElse(null);
            return new Observation(id, text, serverId(entityManager));
        }

        /** A read in a read-write transaction (as a key is polled on the writer): it commits, writing nothing. */
        @Transactional
        public Observation readOnTheWriter(long id) {
            return read(id);
        }

        /** A read that takes a while on its server: long enough to kill the server under it. */
        @Transactional(readOnly = true)
        public Observation slowRead(long id, String tag) {
            entityManager
                    .createNativeQuery("SELECT /* " + tag.replaceAll("[^a-z0-9-]", "") + " */ SLEEP(3)")
                    .getSingleResult();
            return read(id);
        }

        @Transactional(readOnly = true)
        public Observation writeInsideRead(String text) {
            serverId(entityManager);
            return nested.write(text);
        }

        @Transactional(readOnly = true)
        public List<Integer> writeInNewTransactionInsideRead(String text) {
            int outer = serverId(entityManager);
            int inner = nested.writeInNewTransaction(text).serverId();
            return List.of(outer, inner);
        }
    }

    @Service
    public static class NestedWriter {
        private final NoteRepository notes;
        private final EntityManager entityManager;

        NestedWriter(NoteRepository notes, EntityManager entityManager) {
            this.notes = notes;
            this.entityManager = entityManager;
        }

        @Transactional
        public Observation write(String text) {
            Note note = notes.saveAndFlush(new Note(text));
            return new Observation(note.id, note.text, serverId(entityManager));
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

    static int serverId(EntityManager entityManager) {
        return ((Number) entityManager.createNativeQuery("SELECT @@server_id").getSingleResult()).intValue();
    }
}
