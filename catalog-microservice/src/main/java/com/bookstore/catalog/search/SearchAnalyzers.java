package com.bookstore.catalog.search;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How book text becomes search terms. Both analyzers first rewrite what the standard tokenizer would lose:
 * {@code c++}, {@code c#}, {@code f#} and {@code .net} become words of their own ({@code cplusplus} …), apostrophes
 * disappear ({@code O'Reilly} → {@code oreilly}, {@code Tolkien's} → {@code tolkiens}) and dots part initials
 * ({@code J.R.R.} → {@code j r r}); then lower case and accents folded ({@code Márquez} → {@code marquez}).
 * <ul>
 *   <li>{@link #STEMMED}: English stopwords dropped, Porter stemming ({@code rings} → {@code ring},
 *       {@code histories} → {@code histori}) — for matching words whatever their form;
 *   <li>{@link #PLAIN}: every word as written — for exact, typo-tolerant (fuzzy) and prefix matching, where a stem
 *       would be the wrong thing to compare letters with ({@code histry} is one edit from {@code history}, two
 *       from its stem).
 * </ul>
 */
final class SearchAnalyzers {

    private static final NormalizeCharMap SYMBOLS = symbols();

    static final Analyzer STEMMED = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream words = new ASCIIFoldingFilter(new LowerCaseFilter(source));
            return new TokenStreamComponents(
                    source, new PorterStemFilter(new StopFilter(words, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET)));
        }

        @Override
        protected Reader initReader(String field, Reader reader) {
            return new MappingCharFilter(SYMBOLS, reader);
        }
    };

    static final Analyzer PLAIN = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
        }

        @Override
        protected Reader initReader(String field, Reader reader) {
            return new MappingCharFilter(SYMBOLS, reader);
        }
    };

    private SearchAnalyzers() {}

    /** The terms an analyzer makes of a text, in order. */
    static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return terms;
    }

    private static NormalizeCharMap symbols() {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        for (String[] pair : new String[][] {
            {"c++", " cplusplus "}, {"C++", " cplusplus "}, {"c#", " csharp "}, {"C#", " csharp "},
            {"f#", " fsharp "}, {"F#", " fsharp "}, {".net", " dotnet "}, {".NET", " dotnet "},
            {"'", ""}, {"’", ""}, {"`", ""}, {".", " "}
        }) {
            map.add(pair[0], pair[1]);
        }
        return map.build();
    }
}
