/** Tailwind CSS v4 runs as a PostCSS plugin inside `next build`; nothing is fetched at build time. */
const config = {
  plugins: { "@tailwindcss/postcss": {} },
};
export default config;
