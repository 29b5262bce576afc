export default defineBackground(() => {
  // wired in later steps
});
